using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Civility.Messaging;

public static class MessagingTelemetry
{
    public const string Name = "Civility.Messaging";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}

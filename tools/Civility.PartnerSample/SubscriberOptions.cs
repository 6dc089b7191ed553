namespace Civility.PartnerSample;

/// <summary>What the subscriber is told: where the broker is (with the partner's user), who it is, what it wants.</summary>
public sealed record SubscriberOptions(Uri Broker, string Partner, string Queue, IReadOnlyList<string> Exchanges)
{
    public const string Usage = """
        Usage: CIVILITY_BROKER_URI=amqp://partner-<name>:<password>@<host>:<port> \
               Civility.PartnerSample --partner <name> [--queue <queue>] <exchange> [<exchange> ...]
          --partner  your partner name: you may use queues named partner.<name>.*
          --queue    the last part of your queue's name (default: events)
          exchange   an event's exchange as docs/asyncapi.yaml names it, e.g. Civility.Contracts.Volunteers:VolunteerRegistered
        """;

    /// <summary>The queue's whole name: the broker lets a partner use only names that start with its own prefix.</summary>
    public string QueueName => $"partner.{Partner}.{Queue}";

    public static SubscriberOptions? Parse(IReadOnlyList<string> args, string? brokerUri)
    {
        string? partner = null, queue = "events";
        var exchanges = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--partner" when i + 1 < args.Count:
                    partner = args[++i];
                    break;
                case "--queue" when i + 1 < args.Count:
                    queue = args[++i];
                    break;
                case var exchange when !exchange.StartsWith("--", StringComparison.Ordinal):
                    exchanges.Add(exchange);
                    break;
                default:
                    return null;
            }
        }
        return brokerUri is null || !Uri.TryCreate(brokerUri, UriKind.Absolute, out var broker) || partner is null || exchanges.Count == 0
            ? null
            : new SubscriberOptions(broker, partner, queue, exchanges);
    }
}

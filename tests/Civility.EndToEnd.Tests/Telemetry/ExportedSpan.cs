namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>OTLP's SpanKind values (trace.proto), so a test can tell a server span from a producer's.</summary>
public enum SpanKind
{
    Unspecified = 0,
    Internal = 1,
    Server = 2,
    Client = 3,
    Producer = 4,
    Consumer = 5,
}

/// <summary>One span as a service exported it: who (service and instrumentation scope), where in which trace, and what.</summary>
public sealed record ExportedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    SpanKind Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public override string ToString() =>
        $"[{Service}] {Scope} \"{Name}\" {Kind} span {SpanId} parent {ParentSpanId ?? "none"}"
        + (Attributes.Count == 0 ? "" : $" {{{string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}}}");
}

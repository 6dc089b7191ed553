using Google.Protobuf;

namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>
/// Decodes an OTLP ExportTraceServiceRequest (trace_service.proto and trace.proto): resource_spans = 1;
/// ResourceSpans: resource = 1, scope_spans = 2; ScopeSpans: scope = 1, spans = 2; Span: trace_id = 1, span_id = 2,
/// parent_span_id = 4, name = 5, kind = 6, attributes = 9.
/// </summary>
internal static class SpanDecoder
{
    public static List<ExportedSpan> Decode(byte[] body) => OtlpEnvelope.Decode(body, DecodeSpan);

    private static ExportedSpan DecodeSpan(string service, string scope, CodedInputStream span)
    {
        string traceId = "", spanId = "", name = "";
        string? parentSpanId = null;
        var kind = SpanKind.Unspecified;
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var field in span.Fields())
        {
            switch (field)
            {
                case 1: traceId = span.ReadHexId(); break;
                case 2: spanId = span.ReadHexId(); break;
                case 4:
                    // A root span has no parent: an empty field, if the exporter writes it at all.
                    var parent = span.ReadHexId();
                    parentSpanId = parent.Length == 0 ? null : parent;
                    break;
                case 5: name = span.ReadString(); break;
                case 6: kind = (SpanKind)span.ReadEnum(); break;
                case 9: attributes.Add(span.ReadKeyValue()); break;
                default: span.SkipLastField(); break;
            }
        }
        return new ExportedSpan(service, scope, traceId, spanId, parentSpanId, name, kind, attributes.ToAttributes());
    }
}

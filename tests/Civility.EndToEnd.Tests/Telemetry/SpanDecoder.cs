using Google.Protobuf;

namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>
/// Decodes an OTLP ExportTraceServiceRequest (trace_service.proto and trace.proto): resource_spans = 1;
/// ResourceSpans: resource = 1, scope_spans = 2; ScopeSpans: scope = 1, spans = 2; Span: trace_id = 1, span_id = 2,
/// parent_span_id = 4, name = 5, kind = 6, attributes = 9.
/// </summary>
internal static class SpanDecoder
{
    public static List<ExportedSpan> Decode(byte[] body)
    {
        var spans = new List<ExportedSpan>();
        var request = new CodedInputStream(body);
        foreach (var field in request.Fields())
        {
            if (field == 1) DecodeResourceSpans(request.ReadMessage(), spans);
            else request.SkipLastField();
        }
        return spans;
    }

    private static void DecodeResourceSpans(CodedInputStream resourceSpans, List<ExportedSpan> spans)
    {
        // The resource may follow its scopes on the wire: keep the scopes' bytes until the service is known.
        var service = "";
        var scopes = new List<ByteString>();
        foreach (var field in resourceSpans.Fields())
        {
            switch (field)
            {
                case 1: service = resourceSpans.ReadResourceAttributes().GetValueOrDefault("service.name", ""); break;
                case 2: scopes.Add(resourceSpans.ReadBytes()); break;
                default: resourceSpans.SkipLastField(); break;
            }
        }
        foreach (var scope in scopes) DecodeScopeSpans(service, scope.CreateCodedInput(), spans);
    }

    private static void DecodeScopeSpans(string service, CodedInputStream scopeSpans, List<ExportedSpan> spans)
    {
        var scopeName = "";
        var spanBytes = new List<ByteString>();
        foreach (var field in scopeSpans.Fields())
        {
            switch (field)
            {
                case 1: scopeName = scopeSpans.ReadScopeName(); break;
                case 2: spanBytes.Add(scopeSpans.ReadBytes()); break;
                default: scopeSpans.SkipLastField(); break;
            }
        }
        foreach (var span in spanBytes) spans.Add(DecodeSpan(service, scopeName, span.CreateCodedInput()));
    }

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

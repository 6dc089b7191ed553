using System.Text;

namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>The spans of one trace as exported so far, linked by their parent span ids.</summary>
public sealed class ExportedTrace(string traceId, IReadOnlyList<ExportedSpan> spans)
{
    private readonly Dictionary<string, ExportedSpan> _bySpanId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());

    public string TraceId => traceId;

    public IReadOnlyList<ExportedSpan> Spans => spans;

    /// <summary>
    /// The span and its ancestors, nearest first, as far as exported spans reach: the walk stops at the root, or at a
    /// parent no service exported (where the chain breaks, or where the caller's own process left the trace).
    /// </summary>
    public IReadOnlyList<ExportedSpan> Ancestry(ExportedSpan span)
    {
        var chain = new List<ExportedSpan> { span };
        while (chain[^1].ParentSpanId is { } parent && _bySpanId.TryGetValue(parent, out var next) && !chain.Contains(next))
            chain.Add(next);
        return chain;
    }

    /// <summary>Every span as an indented tree, roots (or orphans) first: what a failure message needs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"trace {traceId}, {spans.Count} spans:\n");
        var children = spans.Where(s => s.ParentSpanId is not null).ToLookup(s => s.ParentSpanId!);
        var tops = spans.Where(s => s.ParentSpanId is null || !_bySpanId.ContainsKey(s.ParentSpanId));
        foreach (var top in tops) Append(top, 0);
        return text.ToString();

        void Append(ExportedSpan span, int depth)
        {
            text.Append(' ', 2 * depth).AppendLine(span.ToString());
            foreach (var child in children[span.SpanId]) Append(child, depth + 1);
        }
    }
}

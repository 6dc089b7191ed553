using System.Reflection;
using System.Text;
using System.Text.Json;
using Civility.CreditList.Application.Entries;
using Civility.Domain;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Authentication;

namespace Civility.CreditList.Endpoints;

/// <summary>
/// Bulk export for county systems (credit.export): the active entries, and the change feed after a cursor. Rows are
/// streamed as they are read, as CSV or JSON lines. Every change row carries its cursor; a client resumes after the
/// last one it stored and receives each change exactly once.
/// </summary>
public static class ExportApi
{
    public enum ExportFormat { Csv, Jsonl }

    public sealed record ActiveRow(Guid EntryId, Guid SubjectId, string SubjectKind, string SubjectName, string Identifier,
        string ListType, string? Tier, string DecisionNumber, string DecidingDepartment, DateOnly PublishedFrom, DateOnly PublishedUntil,
        bool UnderObjection);

    public sealed record ChangeRow(long Cursor, Guid EntryId, string Action, string From, string To, DateTimeOffset At, Guid SubjectId,
        string SubjectKind, string SubjectName, string Identifier, string ListType, string? Tier);

    private const int MaxLimit = 10_000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapExportApi(this RouteGroupBuilder api)
    {
        var export = api.MapGroup("/export").WithTags("Export");
        export.MapGet("/active", ExportActive).WithSummary("Active entries, streamed as csv or jsonl")
            .RequireScope(CivilityScopes.CreditExport);
        export.MapGet("/changes", ExportChanges).WithSummary("Changes after a cursor, streamed as csv or jsonl")
            .RequireScope(CivilityScopes.CreditExport);
        return api;
    }

    private static IResult ExportActive(ExportActiveEntries export, string? format)
    {
        var v = new RequestValidator();
        var chosen = v.Enum<ExportFormat>("format", format, required: false) ?? ExportFormat.Jsonl;
        if (!v.IsValid) return v.Problem();
        return Stream(chosen, export.Execute(), x => new ActiveRow(x.EntryId, x.SubjectId, KebabName.Of(x.SubjectKind), x.SubjectName,
            x.Identifier, KebabName.Of(x.ListType), x.Tier is { } t ? KebabName.Of(t) : null, x.DecisionNumber, x.DecidingDepartment,
            x.PublishedFrom, x.PublishedUntil, x.UnderObjection));
    }

    private static IResult ExportChanges(ExportEntryChanges export, string? format, long? after, int? limit)
    {
        var v = new RequestValidator();
        var chosen = v.Enum<ExportFormat>("format", format, required: false) ?? ExportFormat.Jsonl;
        v.Check(after is null or >= 0, "after", "The cursor is a number from a previous export (0 for the beginning).");
        var take = v.Range("limit", limit, 1, MaxLimit, required: false) ?? 1000;
        if (!v.IsValid) return v.Problem();
        return Stream(chosen, export.Execute(after ?? 0, take), x => new ChangeRow(x.Cursor, x.EntryId, x.Action, KebabName.Of(x.From),
            KebabName.Of(x.To), x.At, x.SubjectId, KebabName.Of(x.SubjectKind), x.SubjectName, x.Identifier, KebabName.Of(x.ListType),
            x.Tier is { } t ? KebabName.Of(t) : null));
    }

    private static IResult Stream<TSource, TRow>(ExportFormat format, IAsyncEnumerable<TSource> source, Func<TSource, TRow> map) =>
        Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(false), bufferSize: 16 * 1024);
            var properties = typeof(TRow).GetProperties(BindingFlags.Public | BindingFlags.Instance);
            if (format == ExportFormat.Csv)
                await writer.WriteLineAsync(string.Join(',', properties.Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))));
            var count = 0;
            await foreach (var item in source)
            {
                var row = map(item);
                await writer.WriteLineAsync(format == ExportFormat.Csv
                    ? string.Join(',', properties.Select(p => CsvCell.Of(p.GetValue(row))))
                    : JsonSerializer.Serialize(row, Json));
                if (++count % 500 == 0) await writer.FlushAsync();
            }
        }, format == ExportFormat.Csv ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8");
}

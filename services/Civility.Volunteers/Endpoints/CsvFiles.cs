using Civility.Volunteers.Application;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Volunteers.Endpoints;

/// <summary>How the service reads the CSV files clients send: UTF-8, a header row, lines counted for the report.</summary>
internal static class CsvFiles
{
    public static CsvReader Open(Stream body) => CsvReader.Create(body, new CsvReaderOptions
    {
        TrackLineNumbers = true,
        MaxRecordSize = CsvInput.MaxRecordBytes,
        TrimWhitespace = true,
        NormalizeHeaderName = name => name.Trim().ToLowerInvariant(),
    }, leaveOpen: true);

    /// <summary>A 400 naming the required columns the header lacks, or null when all are there.</summary>
    public static async Task<ProblemHttpResult?> MissingColumnsAsync(CsvReader csv, string[] required, CancellationToken cancellationToken)
    {
        await csv.HeaderAsync(cancellationToken);
        var missing = required.Where(column => !csv.TryGetFieldIndex(column, out _)).ToList();
        return missing.Count == 0
            ? null
            : TypedResults.Problem(title: "The file lacks required columns.", detail: $"Missing: {string.Join(", ", missing)}.",
                statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>Whether a report is asked for as CSV: <c>format=csv</c>, or <c>Accept: text/csv</c>.</summary>
    public static bool Wanted(string? format, HttpRequest http) =>
        string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
        || http.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
}

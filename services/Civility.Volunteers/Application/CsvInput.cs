using CsvHelper;

namespace Civility.Volunteers.Application;

/// <summary>
/// Reading the CSV files clients send, record by record, within bounds: a record longer than
/// <see cref="MaxRecordBytes"/> (an unclosed quote swallowing the rest of a large file, a line without end) or a
/// malformed one ends the read with a 400 naming the line, instead of buffering the file or failing with a 500.
/// </summary>
public static class CsvInput
{
    public const int MaxRecordBytes = 64 * 1024;

    public static async Task<bool> NextAsync(this CsvReader csv, CancellationToken cancellationToken)
    {
        try
        {
            return await csv.ReadAsync(cancellationToken);
        }
        catch (CsvFormatException malformed)
        {
            throw new BadHttpRequestException(
                $"The file cannot be read after line {csv.LineNumber}: {malformed.Message} "
                + $"(a record holds at most {MaxRecordBytes / 1024} KiB).",
                StatusCodes.Status400BadRequest, malformed);
        }
    }

    public static async Task HeaderAsync(this CsvReader csv, CancellationToken cancellationToken)
    {
        try
        {
            await csv.ReadHeaderAsync(cancellationToken);
        }
        catch (CsvFormatException malformed)
        {
            throw new BadHttpRequestException(
                $"The file's header cannot be read: {malformed.Message}", StatusCodes.Status400BadRequest, malformed);
        }
    }

    /// <summary>A field of the current row by column name; empty when the column or the field is absent.</summary>
    public static string Field(this CsvReader csv, string column) =>
        csv.TryGetFieldIndex(column, out var index) ? (csv.GetStringOrNull(index) ?? "").Trim() : "";
}

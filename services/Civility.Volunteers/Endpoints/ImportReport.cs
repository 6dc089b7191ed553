namespace Civility.Volunteers.Endpoints;

/// <summary>What a CSV import did: rows imported, rows already there (skipped), and each bad row by line and reason.</summary>
public sealed record ImportReport(Guid BatchId, int Rows, int Imported, int Skipped, int Rejected, IReadOnlyList<ImportError> Errors)
{
    /// <summary>At most this many bad rows are listed; <see cref="Rejected"/> counts them all.</summary>
    public const int MaxListedErrors = 1000;
}

/// <summary>A bad row: its line in the file (the header is line 1), the column, and why.</summary>
public sealed record ImportError(int Line, string? Field, string Reason);

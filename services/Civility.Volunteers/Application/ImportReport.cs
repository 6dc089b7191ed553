using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Application;

/// <summary>What a CSV import did: rows imported, rows already there (skipped), and each bad row by line and reason.</summary>
public sealed record ImportReport(Guid BatchId, int Rows, int Imported, int Skipped, int Rejected, IReadOnlyList<ImportError> Errors)
{
    /// <summary>At most this many bad rows are listed; <see cref="Rejected"/> counts them all.</summary>
    public const int MaxListedErrors = 1000;
}

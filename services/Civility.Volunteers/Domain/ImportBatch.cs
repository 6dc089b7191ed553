namespace Civility.Volunteers.Domain;

public enum ImportKind { Volunteers, ServiceRecords }

/// <summary>One CSV import: who sent it and what came of it. Its rows land by bulk copy; this row is the audited fact.</summary>
public sealed class ImportBatch
{
    private ImportBatch() { }

    public ImportBatch(
        ImportKind kind, string actor, string? unitCode, int rows, int imported, int skipped, int rejected, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Actor = actor;
        UnitCode = unitCode;
        Rows = rows;
        Imported = imported;
        Skipped = skipped;
        Rejected = rejected;
        At = now;
    }

    public Guid Id { get; private set; }

    public ImportKind Kind { get; private set; }

    public string Actor { get; private set; } = "";

    public string? UnitCode { get; private set; }

    public int Rows { get; private set; }

    public int Imported { get; private set; }

    /// <summary>Rows already imported before (same person, same hours): sending a file twice changes nothing.</summary>
    public int Skipped { get; private set; }

    public int Rejected { get; private set; }

    public DateTimeOffset At { get; private set; }
}

/// <summary>A bad row of an import: its line in the file (the header is line 1), the column, and why.</summary>
public sealed record ImportError(int Line, string? Field, string Reason);

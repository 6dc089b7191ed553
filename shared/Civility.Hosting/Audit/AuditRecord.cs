namespace Civility.Hosting.Audit;

/// <summary>
/// One write, as the audit trail keeps it: who (client, unit), what (entity, id, action, a summary with personal
/// data masked), when, and the trace. Append-only: the service's database role may insert rows, never change them.
/// </summary>
public sealed class AuditRecord
{
    private AuditRecord() { }

    public AuditRecord(DateTimeOffset occurredAt, string clientId, string? unitId, string entity, string entityId,
        string action, string summary, string? traceId)
    {
        OccurredAt = occurredAt;
        ClientId = clientId;
        UnitId = unitId;
        Entity = entity;
        EntityId = entityId;
        Action = action;
        Summary = summary;
        TraceId = traceId;
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The calling client, or <c>system</c> for work the service did by itself (consumers, schedules).</summary>
    public string ClientId { get; private set; } = "";

    public string? UnitId { get; private set; }

    public string Entity { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    /// <summary>created, updated or deleted.</summary>
    public string Action { get; private set; } = "";

    /// <summary>JSON: the values written (created) or the changes old → new (updated), personal data masked.</summary>
    public string Summary { get; private set; } = "";

    public string? TraceId { get; private set; }
}

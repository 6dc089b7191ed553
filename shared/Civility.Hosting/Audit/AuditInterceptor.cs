using System.Diagnostics;
using System.Text.Json;
using Civility.Messaging.Diagnostics;
using Civility.Messaging.Inbox;
using Civility.Messaging.Outbox;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Civility.Hosting.Audit;

/// <summary>
/// Adds an audit record for every entity a save creates, changes or deletes, in the same save (and transaction), so
/// the trail cannot miss a write or record one that did not happen. Personal data never enters the summary.
/// </summary>
/// <remarks>
/// A singleton, as contexts are pooled: the caller is read from the request in flight at the time of the save (none
/// in a consumer or a job, which act as "system").
/// </remarks>
internal sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> NotAudited =
        [typeof(AuditRecord), typeof(OutboxMessage), typeof(InboxMessage), typeof(ReceivedPing)];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) AddRecords(db);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) AddRecords(db);
        return result;
    }

    private void AddRecords(DbContext db)
    {
        var now = clock.GetUtcNow();
        var caller = CallerContext.Of(http.HttpContext);
        var traceId = Activity.Current?.TraceId.ToHexString();
        var records = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => !NotAudited.Contains(e.Metadata.ClrType) && !e.Metadata.IsOwned() && AuditModel.IsAudited(e.Metadata))
            .Select(e => new AuditRecord(now, caller.ClientId ?? "system", caller.UnitId, e.Metadata.ClrType.Name,
                KeyOf(e), e.State switch { EntityState.Added => "created", EntityState.Deleted => "deleted", _ => "updated" },
                Summarize(e), traceId))
            .ToList();
        db.Set<AuditRecord>().AddRange(records);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));

    private static string Summarize(EntityEntry entry)
    {
        var summary = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !property.IsModified) continue;
            var name = property.Metadata.Name;
            if (PersonalData.IsProtected(name))
            {
                summary[name] = "[protected]";
                continue;
            }
            summary[name] = entry.State == EntityState.Modified
                ? new { from = property.OriginalValue, to = property.CurrentValue }
                : property.CurrentValue;
        }
        return JsonSerializer.Serialize(summary);
    }
}

/// <summary>Which properties hold personal data that no log, audit summary or event may show in clear.</summary>
public static class PersonalData
{
    private static readonly string[] ProtectedParts =
        ["IdNumber", "IdCard", "CitizenId", "Phone", "Encrypted", "Hash", "Secret", "Password"];

    /// <summary>Masked copies (named <c>Masked…</c>) are fine to show; everything else named like personal data is not.</summary>
    public static bool IsProtected(string propertyName) =>
        !propertyName.StartsWith("Masked", StringComparison.Ordinal)
        && ProtectedParts.Any(part => propertyName.Contains(part, StringComparison.OrdinalIgnoreCase));
}

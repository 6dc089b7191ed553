using Civility.Contracts.Volunteers;
using Civility.Messaging.Inbox;
using Civility.VillagePairing.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Civility.VillagePairing.Events;

/// <summary>
/// Keeps the latest of a unit's yearly figures as the volunteer service publishes them: the inputs of the
/// registration rate and per-head hours. One atomic statement that replaces only an older version, so snapshots
/// delivered late, twice or at once end at the newest whatever their order.
/// </summary>
[InboxKey("UnitTargetsChangedConsumer")]
public sealed class UnitTargetsChangedConsumer(PairingDbContext db, TimeProvider clock)
    : InboxConsumer<UnitTargetsChanged, PairingDbContext>(db, clock)
{
    protected override async Task HandleAsync(UnitTargetsChanged message, ConsumeContext<UnitTargetsChanged> context) =>
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO pairing.unit_year_stats AS s (unit_code, year, figures_version, headcount, registered_staff, staff_hours, other_hours, updated_at)
            VALUES ({message.UnitCode}, {message.Year}, {message.FiguresVersion}, {message.Headcount}, {message.RegisteredStaff},
                    {message.StaffHours}, {message.OtherHours}, {Clock.GetUtcNow()})
            ON CONFLICT (unit_code, year) DO UPDATE
            SET figures_version = excluded.figures_version, headcount = excluded.headcount, registered_staff = excluded.registered_staff,
                staff_hours = excluded.staff_hours, other_hours = excluded.other_hours, updated_at = excluded.updated_at
            WHERE s.figures_version < excluded.figures_version
            """, context.CancellationToken);
}

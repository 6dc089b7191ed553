using Civility.Contracts.CreditList;
using Civility.Hosting.Application;
using Civility.VillagePairing.Data;

namespace Civility.VillagePairing.Application.CivilizedUnits;

/// <summary>A lifted black-listing is noted in the title's history for the admin; it does not restore the title by itself.</summary>
public sealed class NoteListingLifted(PairingDbContext db, TimeProvider clock) : IUseCase
{
    public async Task ExecuteAsync(ListingLifted lifted, CancellationToken ct)
    {
        if (!lifted.ListType.Contains("black", StringComparison.OrdinalIgnoreCase)) return;
        if (await CreditSubjects.FindTitleAsync(db, lifted.Subject, ct) is not { } unit) return;
        unit.NoteListingLifted(
            $"Black-listing {lifted.EntryId} lifted ({lifted.Reason}); an admin decides on the title.", clock.GetUtcNow());
    }
}

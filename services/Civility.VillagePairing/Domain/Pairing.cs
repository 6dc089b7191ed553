using Civility.Domain;
using Civility.Domain.PersonalData;

namespace Civility.VillagePairing.Domain;

public enum PairingStatus { Active, Ended }

/// <summary>
/// A civilized unit paired with a village or a community (结对共建). Ended with a reason, never deleted: the ledger
/// and activities hang on it.
/// </summary>
public sealed class Pairing : AggregateRoot
{
    private readonly List<PairingContact> _contacts = [];

    private Pairing() { }

    public Pairing(CivilizedUnit unit, Place place, DateOnly from, DateOnly until, string goals,
        IEnumerable<PairingContact> contacts, DateTimeOffset now)
    {
        if (unit.IsTerminal)
            throw DomainRuleException.Rule("A revoked or lapsed title cannot take a new pairing.",
                $"The title of {unit.UnitCode} is {KebabName.Of(unit.Status)}.");
        if (until < from) throw DomainRuleException.Rule("The pairing ends before it starts.");
        Id = Guid.CreateVersion7();
        CivilizedUnitId = unit.Id;
        UnitCode = unit.UnitCode;
        PlaceId = place.Id;
        PlaceKind = place.Kind;
        From = from;
        Until = until;
        Goals = goals;
        _contacts.AddRange(contacts);
        Status = PairingStatus.Active;
        CreatedAt = now;
        Record(new PairingStarted(this));
    }

    public Guid Id { get; private set; }

    public Guid CivilizedUnitId { get; private set; }

    /// <summary>Copied from the title so that unit scoping needs no join.</summary>
    public string UnitCode { get; private set; } = "";

    public Guid PlaceId { get; private set; }

    public PlaceKind PlaceKind { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly Until { get; private set; }

    public string Goals { get; private set; } = "";

    public IReadOnlyList<PairingContact> Contacts => _contacts;

    public PairingStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndReason { get; private set; }

    public void End(string reason, DateTimeOffset now)
    {
        if (Status == PairingStatus.Ended)
            throw DomainRuleException.IllegalTransition("The pairing", "ended", "end", []);
        Status = PairingStatus.Ended;
        EndedAt = now;
        EndReason = reason;
        Record(new PairingClosed(this, reason));
    }

    public void EnsureActive()
    {
        if (Status != PairingStatus.Active)
            throw DomainRuleException.Rule("The pairing has ended.", $"Ended: {EndReason}");
    }
}

/// <summary>
/// A contact person (联络人) on either side of a pairing. The phone is personal data: kept encrypted, with its masked
/// form for the readers that may not see it whole.
/// </summary>
public sealed class PairingContact
{
    private PairingContact() { }

    public PairingContact(string side, string name, ProtectedPhone? phone)
    {
        Side = side;
        Name = name;
        PhoneEncrypted = phone?.Encrypted;
        MaskedPhone = phone?.Masked;
    }

    /// <summary>"unit" or "place".</summary>
    public string Side { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? PhoneEncrypted { get; private set; }

    /// <summary>The phone as readers without a need see it: <c>138****5678</c>.</summary>
    public string? MaskedPhone { get; private set; }

    /// <summary>Takes the protected form of a phone that was stored in clear before phones were protected.</summary>
    public void ProtectLegacyPhone(ProtectedPhone phone)
    {
        PhoneEncrypted = phone.Encrypted;
        MaskedPhone = phone.Masked;
    }
}

using Civility.Domain.PersonalData;

namespace Civility.CreditList.Domain;

public enum SubjectKind { Organization, Person }

/// <summary>
/// Someone a list entry can be about. One subject per identifier: an organization's unified social credit code
/// (public), or a person's keyed ID hash (the number itself is kept only encrypted and shown only masked).
/// </summary>
public sealed class CreditSubject
{
    private CreditSubject() { }

    public static CreditSubject Organization(string creditCode, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = SubjectKind.Organization,
        LookupHashOrCode = creditCode,
        DisplayIdentifier = creditCode,
        Name = name,
        CreatedAt = now,
    };

    public static CreditSubject Person(ProtectedIdNumber idNumber, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = SubjectKind.Person,
        LookupHashOrCode = idNumber.LookupHash,
        DisplayIdentifier = idNumber.Masked,
        EncryptedIdNumber = idNumber.Encrypted,
        Name = name,
        CreatedAt = now,
    };

    /// <summary>
    /// A person known to another service only by the shared keyed hash (e.g. a commended model): the number itself
    /// never reached this service, so there is nothing to encrypt.
    /// </summary>
    public static CreditSubject PersonByHash(string lookupHash, string? maskedIdNumber, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = SubjectKind.Person,
        LookupHashOrCode = lookupHash,
        // Masked again if a producer ever sent the whole number by mistake: it must not be shown or stored here.
        DisplayIdentifier = maskedIdNumber is null ? ""
            : CitizenIdNumber.Validate(maskedIdNumber) is null ? CitizenIdNumber.Mask(maskedIdNumber) : maskedIdNumber,
        Name = name,
        CreatedAt = now,
    };

    public Guid Id { get; private set; }

    public SubjectKind Kind { get; private set; }

    /// <summary>The unified social credit code of an organization; the keyed ID hash of a person (for lookup).</summary>
    public string LookupHashOrCode { get; private set; } = "";

    /// <summary>What may be shown: the code of an organization, the masked ID number of a person.</summary>
    public string DisplayIdentifier { get; private set; } = "";

    /// <summary>A person's ID number, AES-GCM encrypted; null for organizations.</summary>
    public string? EncryptedIdNumber { get; private set; }

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The keyed hash other services match the same person on; organizations have none.</summary>
    public string? SubjectKeyHash => Kind == SubjectKind.Person ? LookupHashOrCode : null;
}

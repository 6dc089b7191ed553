namespace Civility.CreditList.Domain;

public enum SubjectKind { Organization, Person }

/// <summary>
/// Someone a list entry can be about. One subject per identifier. Organizations' codes are public; a person's ID
/// number is never stored here in clear (see the person registration of the credit-list issue).
/// </summary>
public sealed class CreditSubject
{
    private CreditSubject() { }

    public static CreditSubject Organization(string creditCode, string name, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = SubjectKind.Organization,
        Identifier = creditCode,
        Name = name,
        CreatedAt = now,
    };

    public Guid Id { get; private set; }

    public SubjectKind Kind { get; private set; }

    /// <summary>The unified social credit code for an organization.</summary>
    public string Identifier { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
}

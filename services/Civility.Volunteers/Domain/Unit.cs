using Civility.Domain;

namespace Civility.Volunteers.Domain;

/// <summary>
/// One of the bureau's subordinate units (下属单位), whose staff are expected to register as volunteers. Named across
/// services by its <see cref="Code"/>, which is also the <c>unit_id</c> of a unit-scoped client.
/// </summary>
public sealed class Unit : AggregateRoot
{
    private readonly List<UnitHeadcount> _headcounts = [];

    private Unit() { }

    public Unit(string code, string name, string? creditCode, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        CreditCode = creditCode;
        CreatedAt = now;
        UpdatedAt = now;
        Record(new UnitDetailsChanged(this));
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>
    /// The unit's unified social credit code (统一社会信用代码), when known: credit listings name organizations by it,
    /// so the credit gates of other services find the unit through it.
    /// </summary>
    public string? CreditCode { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Staff headcount by year: each year's targets use that year's headcount, so history is kept.</summary>
    public IReadOnlyList<UnitHeadcount> Headcounts => _headcounts;

    /// <summary>True when something other services know about the unit changed.</summary>
    public bool Update(string name, string? creditCode, DateTimeOffset now)
    {
        if (Name == name && CreditCode == creditCode) return false;
        Name = name;
        CreditCode = creditCode;
        UpdatedAt = now;
        Record(new UnitDetailsChanged(this));
        return true;
    }

    public UnitHeadcount SetHeadcount(int year, int headcount, DateTimeOffset now)
    {
        if (headcount < 0) throw DomainRuleException.Rule("A headcount cannot be negative.");
        var entry = _headcounts.FirstOrDefault(h => h.Year == year);
        if (entry is null)
        {
            entry = new UnitHeadcount(Id, year, headcount, now);
            _headcounts.Add(entry);
        }
        else
        {
            entry.Change(headcount, now);
        }
        UpdatedAt = now;
        Record(new UnitHeadcountSet(this, year, entry.Headcount));
        return entry;
    }
}

public sealed class UnitHeadcount
{
    private UnitHeadcount() { }

    internal UnitHeadcount(Guid unitId, int year, int headcount, DateTimeOffset now)
    {
        UnitId = unitId;
        Year = year;
        Headcount = headcount;
        SetAt = now;
    }

    public Guid UnitId { get; private set; }

    public int Year { get; private set; }

    public int Headcount { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    internal void Change(int headcount, DateTimeOffset now)
    {
        Headcount = headcount;
        SetAt = now;
    }
}

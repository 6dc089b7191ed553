using Civility.Domain;
using Civility.ServiceDefaults.Authentication;

namespace Civility.Volunteers.Application;

/// <summary>What a caller may see: a unit-scoped client its own unit's things, and of anything else not even that it exists.</summary>
public static class CallerAccess
{
    /// <summary>The thing found when the caller may see it, else 404 naming <paramref name="what"/> (never 403).</summary>
    public static T Visible<T>(this CallerContext caller, T? found, Func<T, string> unitOf, string what) where T : class =>
        found is not null && caller.MayAccessUnit(unitOf(found)) ? found : throw DomainRuleException.NotFound(what);

    /// <summary>The unit a new thing goes to: a unit-scoped client's own unit, whatever it asked.</summary>
    public static string? UnitFor(this CallerContext caller, string? requested) =>
        caller.IsUnitScoped ? caller.UnitId : requested?.Trim();
}

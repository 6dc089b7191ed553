using System.Security.Claims;

namespace Civility.ServiceDefaults.Authentication;

/// <summary>Who is calling: the client, its scopes, and the one unit it may act for (if it is unit-scoped).</summary>
public sealed class CallerContext
{
    public static readonly CallerContext Anonymous = new(null, null, new HashSet<string>());

    public CallerContext(string? clientId, string? unitId, IReadOnlySet<string> scopes)
    {
        ClientId = clientId;
        UnitId = unitId;
        Scopes = scopes;
    }

    public string? ClientId { get; }

    /// <summary>Null for bureau-wide clients; otherwise the only unit whose data this caller may see or change.</summary>
    public string? UnitId { get; }

    public IReadOnlySet<string> Scopes { get; }

    /// <summary>
    /// Who a record says did it (decided by, approved by, filed by): the client id, or "anonymous" for the public on an
    /// anonymous endpoint. One name for a caller without a client id everywhere (the audit trail names work done
    /// outside any request, by a consumer or a job, "system").
    /// </summary>
    public string Actor => ClientId ?? AnonymousActor;

    public const string AnonymousActor = "anonymous";

    public bool IsAdmin => Scopes.Contains(CivilityScopes.Admin);

    public bool IsUnitScoped => UnitId is not null && !IsAdmin;

    /// <summary>
    /// Whether this caller may see or change data owned by <paramref name="unitId"/>. Everywhere in Civility, an
    /// object of another unit answers 404 (never 403), so that a unit cannot learn what exists elsewhere.
    /// </summary>
    public bool MayAccessUnit(string? unitId) =>
        !IsUnitScoped || string.Equals(UnitId, unitId, StringComparison.OrdinalIgnoreCase);

    public bool HasScope(string scope) => IsAdmin || Scopes.Contains(scope);

    /// <summary>The caller of the request in flight, or <see cref="Anonymous"/> outside a request (a consumer, a job).</summary>
    public static CallerContext Of(Microsoft.AspNetCore.Http.HttpContext? request) =>
        request?.User is { } user ? From(user) : Anonymous;

    public static CallerContext From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        var scopes = user.FindAll(CivilityClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        return new CallerContext(
            user.FindFirstValue(CivilityClaims.ClientId) ?? user.FindFirstValue("sub"),
            user.FindFirstValue(CivilityClaims.UnitId) is { Length: > 0 } unit ? unit : null,
            scopes);
    }
}

namespace Civility.Identity.Domain;

/// <summary>
/// A county system or partner app allowed to get tokens by client credentials, as configured under
/// <c>Identity:Clients:{clientId}</c>. Secrets come from configuration (Aspire parameters), never from the repo.
/// </summary>
public sealed class ClientRegistration
{
    public string? DisplayName { get; set; }

    public string? Secret { get; set; }

    /// <summary>Space-separated scopes the client may ask for.</summary>
    public string Scopes { get; set; } = "";

    /// <summary>When set, the client acts for this unit only (the <c>unit_id</c> claim of its tokens).</summary>
    public string? UnitId { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

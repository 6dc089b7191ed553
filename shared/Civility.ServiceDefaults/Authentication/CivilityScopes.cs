namespace Civility.ServiceDefaults.Authentication;

/// <summary>
/// The OAuth2 scopes of Civility's APIs, and which service (token audience) each one opens. One list, used by the
/// token server to issue and by every service to check.
/// </summary>
public static class CivilityScopes
{
    public const string VolunteersRead = "volunteers.read";
    public const string VolunteersWrite = "volunteers.write";
    public const string MoralRead = "moral.read";
    public const string MoralWrite = "moral.write";
    /// <summary>What callers outside the credit office need: the measures in force against a subject (public facts).</summary>
    public const string CreditRead = "credit.read";

    /// <summary>
    /// The credit office's internal views: entries with internal notes and full history (also those not notified yet),
    /// every subject (people included), objections, repair applications with their query codes. Not for units or partners.
    /// </summary>
    public const string CreditInternal = "credit.internal";
    public const string CreditWrite = "credit.write";
    public const string CreditExport = "credit.export";
    public const string PairingRead = "pairing.read";
    public const string PairingWrite = "pairing.write";

    /// <summary>Webhook subscriptions and their delivery logs: a partner's own, or all with <see cref="WebhooksWrite"/>.</summary>
    public const string WebhooksRead = "webhooks.read";

    /// <summary>Registers and manages every webhook subscription (the bureau's integration office; admins).</summary>
    public const string WebhooksWrite = "webhooks.write";

    /// <summary>May do everything, in every service and for every unit.</summary>
    public const string Admin = "admin";

    public const string VolunteersAudience = "volunteers";
    public const string MoralAudience = "moral-models";
    public const string CreditAudience = "credit";
    public const string PairingAudience = "pairing";
    public const string WebhooksAudience = "webhooks";

    public static readonly IReadOnlyDictionary<string, string[]> AudiencesByScope = new Dictionary<string, string[]>
    {
        [VolunteersRead] = [VolunteersAudience],
        [VolunteersWrite] = [VolunteersAudience],
        [MoralRead] = [MoralAudience],
        [MoralWrite] = [MoralAudience],
        [CreditRead] = [CreditAudience],
        [CreditInternal] = [CreditAudience],
        [CreditWrite] = [CreditAudience],
        [CreditExport] = [CreditAudience],
        [PairingRead] = [PairingAudience],
        [PairingWrite] = [PairingAudience],
        [WebhooksRead] = [WebhooksAudience],
        [WebhooksWrite] = [WebhooksAudience],
        [Admin] = [VolunteersAudience, MoralAudience, CreditAudience, PairingAudience, WebhooksAudience],
    };

    public static IEnumerable<string> All => AudiencesByScope.Keys;
}

/// <summary>Claims Civility puts in access tokens besides the standard ones.</summary>
public static class CivilityClaims
{
    /// <summary>The client (county system or partner app) the token was issued to.</summary>
    public const string ClientId = "client_id";

    /// <summary>Present when the client acts for one unit only: that unit's code.</summary>
    public const string UnitId = "unit_id";

    public const string Scope = "scope";
}

using Civility.CreditList.Data;
using Civility.Identity.Data;
using Civility.MoralModels.Data;
using Civility.VillagePairing.Data;
using Civility.Volunteers.Data;
using Civility.Webhooks.Data;
using Microsoft.EntityFrameworkCore;

namespace Civility.Migrations;

/// <summary>
/// The schemas the step brings up to date, by the name of the service that owns each (its connection string is
/// <c>ConnectionStrings:&lt;service&gt;</c>, the name spelled as an identifier, <c>moral_models</c>, with that
/// service's own role). A new service adds one line here.
/// </summary>
public static class MigrationTargets
{
    public static readonly IReadOnlyList<MigrationTarget> All =
    [
        new("identity", cs => new IdentityDbContextFactory().Create(cs)),
        new("volunteers", cs => new VolunteersDbContextFactory().Create(cs)),
        new("moral-models", cs => new MoralModelsDbContextFactory().Create(cs)),
        new("credit", cs => new CreditDbContextFactory().Create(cs)),
        new("pairing", cs => new PairingDbContextFactory().Create(cs)),
        new("webhooks", cs => new WebhooksDbContextFactory().Create(cs)),
    ];
}

public sealed record MigrationTarget(string Service, Func<string, DbContext> Open)
{
    /// <summary>The key of its connection string: an environment variable's name may not hold a hyphen everywhere.</summary>
    public string ConnectionName => Service.Replace('-', '_');
}

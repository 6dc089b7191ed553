using Civility.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Civility.AppHost;

internal static class Partners
{
    /// <summary>
    /// The development partner apps (publicity channels, the county credit platform, the national volunteer system's
    /// sync job): each gets a broker account at every start, its password generated once into the development secrets.
    /// </summary>
    public static readonly string[] DevelopmentPartners = ["publicity", "credit-platform", "volunteer-sync"];

    /// <summary>
    /// A broker account per partner app: the development ones, and every <c>Partners:&lt;name&gt;</c> of the app host's
    /// configuration (<c>Partners:&lt;name&gt;:Events:0 = VolunteerRegistered</c>… limits what it may read; every event
    /// when none is listed). The password is the parameter <c>partner-&lt;name&gt;-password</c>: configured, or generated.
    /// </summary>
    public static void AddPartnerAccounts(this IDistributedApplicationBuilder builder, CivilityInfrastructure infra)
    {
        var configured = builder.Configuration.GetSection("Partners").GetChildren().ToList();
        foreach (var name in DevelopmentPartners.Union(configured.Select(c => c.Key)))
        {
            var events = configured.SingleOrDefault(c => c.Key == name)?.GetSection("Events").Get<string[]>() ?? [];
            var password = infra.Secrets.Parameter(builder, $"partner-{name}-password");
            infra.BrokerAccounts.AddPartner(new PartnerAccount(name, password.Resource, [.. events.Select(EventExchanges.Of)]));
        }
    }
}

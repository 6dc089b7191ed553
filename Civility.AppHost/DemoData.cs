using Civility.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Civility.AppHost;

internal static class DemoData
{
    private const string AdminClient = "civility-admin";

    /// <summary>
    /// The resource <c>demo-data</c>: once the gateway is healthy it loads the demo data set through the public APIs
    /// with the admin client's token (the same secret parameter the token server gets), once (it does nothing if the
    /// data is there), and exits: the dashboard shows it as Finished. <c>Demo:Load=false</c> (<c>./run.sh --empty</c>)
    /// leaves it out, and the stack starts empty.
    /// </summary>
    public static void AddDemoData(this IDistributedApplicationBuilder builder, CivilityInfrastructure infra)
    {
        if (!builder.Configuration.GetValue("Demo:Load", defaultValue: true)) return;
        var gateway = Project(builder, "gateway");

        // The demo shows a year's worth of states in minutes: a selection round whose publicity window closes as it
        // opens (so nominations can be selected and commended at once), and black-list entries published the day the
        // subject is notified (no statement period). Only for a demo stack; the services' defaults stay otherwise.
        Project(builder, "moral-models").WithEnvironment("MoralModels__MinimumPublicityDays", "0")
            // The loader casts every demo vote from this machine's one address, faster than a household would.
            .WithEnvironment("MoralModels__PublicLimits__Votes__PerAddress__Permits", "1000");
        Project(builder, "credit").WithEnvironment("CreditList__StatementPeriodWorkingDays", "0");

        builder.AddProject<Projects.Civility_DemoData>("demo-data")
            .WithReference(gateway).WaitFor(gateway)
            // It has no launch profile: it runs in the app host's environment (where a test may move the clock).
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("Demo__ClientId", AdminClient)
            .WithEnvironment("Demo__ClientSecret", infra.Secrets.Parameter(builder, $"{AdminClient}-secret"))
            .WithAnnotation(new RunsOnceAnnotation())
            .WithQuickShutdown();
    }

    private static IResourceBuilder<ProjectResource> Project(IDistributedApplicationBuilder builder, string name) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == name));
}

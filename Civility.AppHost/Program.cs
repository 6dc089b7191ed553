using Civility.AppHost;
using Civility.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and RabbitMQ: containers when an engine answers, else local processes (Infra:Mode overrides).
var infra = builder.AddCivilityInfrastructure();
builder.AddPartnerAccounts(infra); // each partner app's broker user: reads events on its own queues, publishes nothing
builder.AddMigrationStep(infra); // every schema's migrations, once per start, before the services (which only wait for it)

// The OAuth2 token server (client credentials) for county systems and partner apps.
var identity = builder.AddProject<Projects.Civility_Identity>("identity")
    .WithServiceDatabase(infra, schema: "identity").WithDevelopmentClients(infra).WithQuickShutdown()
    .WithHttpHealthCheck("/health");

// Each service owns one schema through its own database role, validates tokens itself,
// and talks to the others only by events.
var volunteers = builder.AddProject<Projects.Civility_Volunteers>("volunteers")
    .WithServiceDatabase(infra, schema: "volunteers").WithMessaging(infra).WithTokenValidation(identity).WithPersonalDataKeys(infra)
    .WithQuickShutdown().WithHttpHealthCheck("/health");

var moralModels = builder.AddProject<Projects.Civility_MoralModels>("moral-models")
    .WithServiceDatabase(infra, schema: "moral_models").WithMessaging(infra).WithTokenValidation(identity).WithPersonalDataKeys(infra)
    .WithQuickShutdown().WithHttpHealthCheck("/health");

var credit = builder.AddProject<Projects.Civility_CreditList>("credit")
    .WithServiceDatabase(infra, schema: "credit").WithMessaging(infra).WithTokenValidation(identity).WithPersonalDataKeys(infra)
    .WithQuickShutdown().WithHttpHealthCheck("/health");

var pairing = builder.AddProject<Projects.Civility_VillagePairing>("pairing")
    .WithServiceDatabase(infra, schema: "pairing").WithMessaging(infra).WithTokenValidation(identity).WithPersonalDataKeys(infra)
    .WithQuickShutdown().WithHttpHealthCheck("/health");

// Every event, signed and retried, POSTed to the partner apps that registered a webhook (those without AMQP).
var webhooks = builder.AddProject<Projects.Civility_Webhooks>("webhooks")
    .WithServiceDatabase(infra, schema: "webhooks").WithMessaging(infra).WithTokenValidation(identity).WithPersonalDataKeys(infra)
    .WithQuickShutdown().WithHttpHealthCheck("/health");

// The public portal (web pages in Chinese): reads only the services' public endpoints, by service discovery; its cache
// is emptied by their events (a temporary queue of its own). Served by the gateway at "/" (which does not wait for it:
// the APIs are up without it, and its route is probed like any other).
var portal = builder.AddProject<Projects.Civility_Portal>("portal")
    .WithReference(volunteers).WithReference(moralModels).WithReference(credit)
    .WaitFor(volunteers).WaitFor(moralModels).WaitFor(credit)
    .WithMessaging(infra).WithSharedKeyRing(infra).WithPortalSettings(volunteers).WithQuickShutdown().WithHttpHealthCheck("/health");

// The one public entrance: YARP, finding the services by Aspire service discovery.
builder.AddProject<Projects.Civility_Gateway>("gateway")
    .WithReference(identity).WaitFor(identity)
    .WithRoutesTo(volunteers, moralModels, credit, pairing, webhooks).WithReference(portal)
    .WithGatewaySettings().WithExternalHttpEndpoints().WithQuickShutdown()
    .WithHttpHealthCheck("/health")
    .AnnounceWhenReady();

builder.AddDemoData(infra); // loads the demo data set once through the gateway, unless Demo:Load=false (./run.sh --empty)
builder.ShiftClockWhenAsked(); // Clock:Now / Clock:Offset: the services and demo data live at another date, for a test
builder.StartProjectsFromBuildOutput(); // dotnet <assembly>, not dotnet run: no MSBuild evaluation per process
builder.RunReplicasWhenAsked(); // Scale:Replicas=N behind the orchestrator's proxy; one replica is served without it
builder.Build().Run();

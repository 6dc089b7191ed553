using Civility.AppHost;
using Civility.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

// PostgreSQL and RabbitMQ: containers when an engine answers, else local processes (Infra:Mode overrides).
var infra = builder.AddCivilityInfrastructure();

// Each service owns one schema through its own database role, and talks to the others only by events.
var volunteers = builder.AddProject<Projects.Civility_Volunteers>("volunteers")
    .WithServiceDatabase(infra, schema: "volunteers").WithMessaging(infra).WithQuickShutdown()
    .WithHttpHealthCheck("/health");

var moralModels = builder.AddProject<Projects.Civility_MoralModels>("moral-models")
    .WithServiceDatabase(infra, schema: "moral_models").WithMessaging(infra).WithQuickShutdown()
    .WithHttpHealthCheck("/health");

var credit = builder.AddProject<Projects.Civility_CreditList>("credit")
    .WithServiceDatabase(infra, schema: "credit").WithMessaging(infra).WithQuickShutdown()
    .WithHttpHealthCheck("/health");

var pairing = builder.AddProject<Projects.Civility_VillagePairing>("pairing")
    .WithServiceDatabase(infra, schema: "pairing").WithMessaging(infra).WithQuickShutdown()
    .WithHttpHealthCheck("/health");

// The one public entrance: YARP, finding the services by Aspire service discovery.
builder.AddProject<Projects.Civility_Gateway>("gateway")
    .WithReference(volunteers).WithReference(moralModels).WithReference(credit).WithReference(pairing)
    .WaitFor(volunteers).WaitFor(moralModels).WaitFor(credit).WaitFor(pairing)
    .WithGatewayEndpoint().WithExternalHttpEndpoints().WithQuickShutdown()
    .WithHttpHealthCheck("/health")
    .AnnounceWhenReady();

builder.Build().Run();

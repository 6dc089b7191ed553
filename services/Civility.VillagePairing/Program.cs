using Civility.Hosting;
using Civility.VillagePairing;
using Civility.VillagePairing.Data;
using Civility.VillagePairing.Domain;
using Civility.VillagePairing.Endpoints;
using Civility.VillagePairing.Events;
using Civility.VillagePairing.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilityService<PairingDbContext>("pairing", PairingDbContext.Schema, Subscriptions.Consumers, Publications.ToIntegrationEvent,
    pingDiagnostics: true, publishes: Publications.Events);
builder.Services.Configure<AssessmentSettings>(builder.Configuration.GetSection("Assessment"));
builder.Services.AddPairingJobs();
builder.Services.AddVillagePairingMetrics();

var app = builder.Build();
app.MapCivilityApi<PairingDbContext>("pairing", area: "pairing")
    .MapPlacesApi()
    .MapCivilizedUnitsApi()
    .MapPairingsApi()
    .MapLedgerApi()
    .MapActivitiesApi()
    .MapCreationTasksApi()
    .MapAssessmentsApi();

await app.RunCivilityServiceAsync();

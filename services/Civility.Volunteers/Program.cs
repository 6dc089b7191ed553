using Civility.Hosting;
using Civility.Volunteers;
using Civility.Volunteers.Data;
using Civility.Volunteers.Domain;
using Civility.Volunteers.Endpoints;
using Civility.Volunteers.Events;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilityService<VolunteersDbContext>("volunteers", VolunteersDbContext.Schema, Subscriptions.Consumers,
    Publications.ToIntegrationEvent, pingDiagnostics: true, publishes: Publications.Events);
builder.Services.AddVolunteerMetrics();
builder.Services.Configure<HoursLimits>(builder.Configuration.GetSection("Volunteers"));

var app = builder.Build();
app.MapCivilityApi<VolunteersDbContext>("volunteers", area: "volunteers")
    .MapUnitsApi()
    .MapVolunteersApi()
    .MapVolunteerImportApi()
    .MapProjectsApi()
    .MapActivitiesApi()
    .MapServiceRecordsApi()
    .MapHoursImportApi()
    .MapCertificatesApi()
    .MapTargetsApi()
    .MapHoursIntegrityApi();

await app.RunCivilityServiceAsync();

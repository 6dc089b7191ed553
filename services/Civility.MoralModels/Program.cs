using Civility.Hosting;
using Civility.Hosting.Jobs;
using Civility.MoralModels;
using Civility.MoralModels.Application;
using Civility.MoralModels.Data;
using Civility.MoralModels.Endpoints;
using Civility.MoralModels.Events;
using Civility.MoralModels.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilityService<MoralModelsDbContext>("moral-models", MoralModelsDbContext.Schema, Subscriptions.Consumers,
    Publications.ToIntegrationEvent, pingDiagnostics: true, publishes: Publications.Events);
builder.Services.Configure<MoralModelsOptions>(builder.Configuration.GetSection("MoralModels"));
builder.Services.AddScoped<CreditGate>();
builder.Services.AddMoralModelsMetrics();
builder.Services.AddSingleton<PublicLimits>();
builder.AddVerificationCodeSender();
builder.Services.AddSingleInstanceJob<ObjectionPhoneBackfillJob>();

var app = builder.Build();
app.MapCivilityApi<MoralModelsDbContext>("moral-models", area: "moral-models")
    .MapRoundsApi()
    .MapNominationsApi()
    .MapWorkflowApi()
    .MapObjectionsApi()
    .MapVotingApi()
    .MapReviewsApi()
    .MapCommendationsApi()
    .MapPublicApi();

await app.RunCivilityServiceAsync();

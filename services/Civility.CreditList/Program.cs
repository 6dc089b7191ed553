using Civility.CreditList;
using Civility.CreditList.Data;
using Civility.CreditList.Endpoints;
using Civility.CreditList.Events;
using Civility.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilityService<CreditDbContext>("credit", CreditDbContext.Schema, Subscriptions.Consumers, Publications.ToIntegrationEvent,
    pingDiagnostics: true, publishes: Publications.Events);
builder.AddCreditList();
builder.Services.AddCreditListMetrics();

var app = builder.Build();
app.MapCivilityApi<CreditDbContext>("credit", area: "credit")
    .MapCreditListApi();

await app.RunCivilityServiceAsync();

using Civility.Hosting;
using Civility.Webhooks;
using Civility.Webhooks.Data;
using Civility.Webhooks.Endpoints;
using Civility.Webhooks.Events;
using Civility.Webhooks.Jobs;

var builder = WebApplication.CreateBuilder(args);
builder.AddCivilityService<WebhooksDbContext>("webhooks", WebhooksDbContext.Schema, Subscriptions.Consumers,
    Publications.ToIntegrationEvent, publishes: Publications.Events);
builder.AddWebhookDelivery();
builder.Services.AddWebhooksMetrics();

var app = builder.Build();
app.MapCivilityApi<WebhooksDbContext>("webhooks", area: "webhooks")
    .MapSubscriptionsApi()
    .MapDeliveriesApi();

await app.RunCivilityServiceAsync();

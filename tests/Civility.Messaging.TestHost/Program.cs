using Civility.Messaging.TestHost;

// Run as a separate process by the crash test: consumes TestEvents until it is killed.
// Configuration: ConnectionStrings__database, ConnectionStrings__messaging, Messaging__ServiceName, ASPNETCORE_URLS.
var builder = WebApplication.CreateBuilder(args);
builder.AddTestService();
var app = builder.Build();
app.MapDefaultEndpoints();
await app.RunAsync();

using Civility.Data;
using Civility.Messaging;
using Civility.Messaging.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

// Run as a separate process by the crash test: consumes TestEvents until it is killed.
// Configuration: ConnectionStrings__database, ConnectionStrings__messaging, Messaging__ServiceName.
var builder = WebApplication.CreateBuilder(args);
builder.AddTestService();
var app = builder.Build();
await app.MigrateDatabaseAsync<MessagingTestDbContext>();
await app.RunAsync();

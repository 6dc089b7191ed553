using System.Net.Http.Headers;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Civility.Testing;

/// <summary>
/// One Civility service, in process, on its own fresh database of the test servers and on their real broker, with its
/// real pipeline (migrations, outbox relay, consumers, token validation) — only the token server is replaced by
/// <see cref="TestTokens"/>. Dispose it to stop the service.
/// </summary>
public sealed class ServiceHost<TProgram>(string serviceName, string databaseConnectionString, string brokerUri,
    IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public const string HashKey = "test-personal-data-hash-key";

    /// <summary>
    /// Starts the service on a fresh database. <paramref name="configureServices"/> may replace services, e.g. the
    /// <see cref="TimeProvider"/> with a fake clock for deadlines and expiries.
    /// </summary>
    public static async Task<ServiceHost<TProgram>> StartAsync(LocalServers servers, string serviceName,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var host = new ServiceHost<TProgram>(serviceName, await servers.CreateDatabaseAsync(), servers.BrokerUri, settings,
            configureServices);
        host.StartServer();
        return host;
    }

    /// <summary>
    /// Starts the service on a database it has used before: a restart, once the host that ran it is disposed (what
    /// was written before must still be there, and be carried on with).
    /// </summary>
    public static ServiceHost<TProgram> StartOn(string databaseConnectionString, LocalServers servers, string serviceName,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var host = new ServiceHost<TProgram>(serviceName, databaseConnectionString, servers.BrokerUri, settings, configureServices);
        host.StartServer();
        return host;
    }

    public string DatabaseConnectionString => databaseConnectionString;

    /// <summary>An HTTP client with a token for the given client, unit and scopes.</summary>
    public HttpClient ClientFor(string clientId, string? unitId, params string[] scopes)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TestTokens.Create(serviceName, clientId, unitId, scopes));
        return client;
    }

    public HttpClient Admin() => ClientFor("test-admin", null, "admin");

    public HttpClient Anonymous() => CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:database", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", brokerUri);
        builder.UseSetting("PersonalData:HashKey", HashKey);
        builder.UseSetting("PersonalData:EncryptionKey", "test-personal-data-encryption-key");
        builder.UseSetting("Messaging:RetryIntervals:0", "50");
        builder.UseSetting("Messaging:RetryIntervals:1", "100");
        builder.UseSetting("Messaging:RetryIntervals:2", "200");
        // Redeliveries from the broker's delay queues in a second, not over the production quarter of an hour.
        builder.UseSetting("Messaging:RedeliveryDelays:0", "00:00:00.250");
        builder.UseSetting("Messaging:RedeliveryDelays:1", "00:00:01");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer };
                configuration.SigningKeys.Add(TestTokens.Key);
                options.Configuration = configuration;
            });
            configureServices?.Invoke(services);
        });
    }
}

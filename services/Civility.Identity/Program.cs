using Civility.Data;
using Civility.Identity.Application;
using Civility.Identity.Data;
using Civility.Identity.Endpoints;
using Civility.ServiceDefaults.Authentication;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<IdentityDbContext>(IdentityDbContext.Schema);
builder.Services.ConfigureDbContext<IdentityDbContext>((_, options) => options.UseOpenIddict());
builder.Services.AddProblemDetails();

var signingKey = SigningKeys.Load(builder.Configuration["Identity:SigningKeyPem"], builder.Configuration["Identity:KeyDirectory"]);
builder.Services.AddOpenIddict()
    .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
    .AddServer(server =>
    {
        server.SetIssuer(new Uri(builder.Configuration["Identity:Issuer"] ?? AuthenticationExtensions.DefaultIssuer));
        server.SetTokenEndpointUris("connect/token");
        server.AllowClientCredentialsFlow();
        server.RegisterScopes([.. CivilityScopes.All]);
        server.SetAccessTokenLifetime(builder.Configuration.GetValue("Identity:AccessTokenLifetime", TimeSpan.FromMinutes(30)));
        server.AddSigningKey(signingKey);
        // Services validate plain signed JWTs with the public keys; nothing secret is inside a token.
        server.AddEphemeralEncryptionKey();
        server.DisableAccessTokenEncryption();
        // Client-credentials tokens are short-lived bearer JWTs: storing each one would only grow a table.
        server.DisableTokenStorage();
        server.UseAspNetCore()
            .EnableTokenEndpointPassthrough()
            .DisableTransportSecurityRequirement(); // TLS ends at the edge, in front of the gateway
    });
builder.Services.AddHostedService<ClientSeeder>(); // after the migration, which AddServiceDatabase registered first

var app = builder.Build();
app.UseExceptionHandler();
app.UseMiddleware<TokenRequestGuard>(); // before the token server reads the request
app.UseAuthentication();
app.MapDefaultEndpoints();
app.MapTokenApi();

await app.RunAsync();

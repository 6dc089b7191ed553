using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Civility.ServiceDefaults.Authentication;

public static class AuthenticationExtensions
{
    /// <summary>The token server's issuer: its service-discovery name, so the signing keys are found the same way.</summary>
    public const string DefaultIssuer = "http://identity/";

    /// <summary>
    /// Validates bearer tokens from Civility's token server in this process: issuer, audience (this service's
    /// name), lifetime, signature (keys from the server's JWKS, found by service discovery). Tokens are checked by
    /// every service even behind the gateway: a direct call without one is refused too.
    /// </summary>
    public static IHostApplicationBuilder AddCivilityAuthentication(this IHostApplicationBuilder builder, string? audience)
    {
        var issuer = builder.Configuration["Identity:Issuer"] ?? DefaultIssuer;
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services => CallerContext.Of(services.GetRequiredService<IHttpContextAccessor>().HttpContext));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MetadataAddress = new Uri(new Uri(issuer), ".well-known/openid-configuration").ToString();
                options.RequireHttpsMetadata = false; // inside the cluster; TLS ends at the edge
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidIssuer = issuer;
                options.TokenValidationParameters.ValidateAudience = audience is not null;
                options.TokenValidationParameters.ValidAudience = audience;
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory>((options, clients) => options.Backchannel = clients.CreateClient("identity-metadata"));
        builder.Services.AddAuthorization();
        return builder;
    }

    /// <summary>Requires one of the scopes (or <c>admin</c>) for every endpoint of the group.</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder endpoints, string scope) where TBuilder : IEndpointConventionBuilder =>
        endpoints.RequireAuthorization(policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => CallerContext.From(context.User).HasScope(scope)));
}

using System.Security.Claims;
using System.Text.Json;
using Civility.Identity.Application;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Civility.Identity.Endpoints;

public static class TokenApi
{
    /// <summary>
    /// <c>POST /connect/token</c>, client credentials only. OpenIddict has already checked the client's secret and
    /// that it may ask for the requested scopes; this decides what goes into the token.
    /// </summary>
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", IssueAsync).ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> IssueAsync(HttpContext context, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request cannot be retrieved.");
        if (!request.IsClientCredentialsGrantType())
            return Forbid(Errors.UnsupportedGrantType, "Only the client credentials grant is supported.");

        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("The client has been authenticated but cannot be found.");
        var permitted = (await applications.GetPermissionsAsync(application))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .ToList();
        // Asking for no scope means "everything this client may have": what a county system usually wants.
        var scopes = request.GetScopes() is { Length: > 0 } requested ? requested.ToList() : permitted;

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(CivilityClaims.ClientId, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
        var properties = await applications.GetPropertiesAsync(application);
        if (properties.TryGetValue(ClientSeeder.UnitProperty, out var unit) && unit.ValueKind == JsonValueKind.String)
            identity.SetClaim(CivilityClaims.UnitId, unit.GetString());
        identity.SetScopes(scopes);
        identity.SetResources(scopes
            .SelectMany(s => CivilityScopes.AudiencesByScope.TryGetValue(s, out var audiences) ? audiences : [])
            .Distinct());
        identity.SetDestinations(_ => [Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

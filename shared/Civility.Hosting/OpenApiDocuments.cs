using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Civility.Hosting;

/// <summary>
/// Describes how to call a Civility API: a bearer token from the gateway's <c>/connect/token</c> (OAuth2 client
/// credentials) with the service's scopes.
/// </summary>
internal sealed class ClientCredentialsSecurity(string serviceTitle) : IOpenApiDocumentTransformer
{
    public const string SchemeName = "oauth2";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = serviceTitle;
        document.Info.Description =
            "Part of Civility. Call it through the gateway with a bearer token: POST /connect/token with " +
            "grant_type=client_credentials, your client_id and client_secret (and optionally scope). A unit-scoped " +
            "client sees and changes only its own unit's data; another unit's object answers 404. Errors are " +
            "RFC 9457 problem details with a traceId.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "OAuth2 client credentials, issued by Civility's token server.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow
                {
                    TokenUrl = new Uri("/connect/token", UriKind.Relative),
                    Scopes = Civility.ServiceDefaults.Authentication.CivilityScopes.All.ToDictionary(s => s, s => s),
                },
            },
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}

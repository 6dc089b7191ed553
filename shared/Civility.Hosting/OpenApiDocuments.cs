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

/// <summary>
/// Points "try it" and generated clients at the gateway (<c>Gateway:PublicUrl</c>, or <c>/</c>: the host the document
/// was read from, which is the gateway), never at the service's internal address.
/// </summary>
internal sealed class GatewayServer(string? publicUrl) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = string.IsNullOrWhiteSpace(publicUrl) ? "/" : publicUrl.TrimEnd('/') + "/" }];
        return Task.CompletedTask;
    }
}

/// <summary>
/// Every operation gets an id a client generator can name a method after: the endpoint's name when it has one,
/// otherwise the method and the route after <c>/api/{area}</c> (<c>postServiceRecordsByIdApprove</c>).
/// </summary>
internal sealed class OperationIds : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(operation.OperationId)) return Task.CompletedTask;
        var description = context.Description;
        var segments = (description.RelativePath ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(2);
        var name = string.Concat(segments.Select(segment => segment.StartsWith('{')
            ? "By" + Pascal(segment.Trim('{', '}').Split(':')[0])
            : Pascal(segment)));
        operation.OperationId = (description.HttpMethod ?? "get").ToLowerInvariant() + (name.Length == 0 ? "Root" : name);
        return Task.CompletedTask;
    }

    private static string Pascal(string text) =>
        string.Concat(text.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}

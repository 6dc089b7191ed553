using Scalar.AspNetCore;

namespace Civility.Gateway;

internal static class ApiDocs
{
    /// <summary>The services' OpenAPI documents (proxied from each) and the interactive reference at /docs.</summary>
    public static readonly (string Name, string Title)[] Documents =
    [
        ("volunteers", "Volunteer service"),
        ("moral-models", "Moral-model service"),
        ("credit", "Credit-list service"),
        ("pairing", "Village-pairing service"),
        ("webhooks", "Webhook service"),
    ];

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Civility APIs");
            foreach (var (name, title) in Documents)
                options.AddDocument(name, title, $"/openapi/{name}.json");
        }).AllowAnonymous();
        return app;
    }
}

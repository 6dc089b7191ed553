namespace Civility.Gateway;

internal static class PortalRoutes
{
    /// <summary>
    /// The portal takes every path no other route does (its route has the lowest priority, "Order": 1000), except the
    /// gateway's own areas: a path under <c>/api</c>, <c>/openapi</c>, <c>/connect</c>, <c>/.well-known</c> or
    /// <c>/docs</c> that no service route matches is the gateway's 404 problem, not a portal page.
    /// </summary>
    public static WebApplication MapUnknownApiPaths(this WebApplication app)
    {
        foreach (var area in new[] { "/api", "/openapi", "/connect", "/.well-known", "/docs" })
        {
            app.Map($"{area}/{{**rest}}", () => Results.Problem(title: "Not found.", statusCode: StatusCodes.Status404NotFound))
                .WithOrder(500).ExcludeFromDescription();
        }
        return app;
    }
}

using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace Civility.Gateway;

internal static class ProxyPipeline
{
    /// <summary>
    /// Refuses a body larger than the route allows before anything is forwarded (413), and turns a forwarding
    /// failure into problem details: 503 when the service is not there, 504 when it is too slow, 502 otherwise.
    /// </summary>
    public static void UseGatewayPolicies(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            // The route's own limit (an import's) is applied by YARP only at the end of the pipeline: read it here.
            var limit = context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize switch
            {
                -1 => null,
                { } routeLimit => routeLimit,
                null => context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize,
            };
            if (limit is { } max && context.Request.ContentLength > max)
            {
                // The unread body stays on the connection: tell the client not to reuse it.
                context.Response.Headers.Connection = "close";
                await Results.Problem(
                    title: "Request body too large.",
                    detail: $"This endpoint accepts at most {max} bytes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }
            await next();
        });
        proxy.Use(async (context, next) =>
        {
            await next();
            if (context.GetForwarderErrorFeature() is not { } failure || context.Response.HasStarted) return;
            var (status, title) = failure.Error switch
            {
                ForwarderError.RequestTimedOut => (StatusCodes.Status504GatewayTimeout, "The service did not answer in time."),
                ForwarderError.NoAvailableDestinations => (StatusCodes.Status503ServiceUnavailable, "The service is unavailable."),
                ForwarderError.Request when IsConnectionFailure(failure.Exception) =>
                    (StatusCodes.Status503ServiceUnavailable, "The service is unavailable."),
                // A body sent without a length (chunked) is counted as it streams: over the route's limit it is a 413 too.
                ForwarderError.RequestBodyClient when TooLarge(failure.Exception) =>
                    (StatusCodes.Status413PayloadTooLarge, "Request body too large."),
                ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled =>
                    (StatusCodes.Status400BadRequest, "The request body could not be read."),
                _ => (StatusCodes.Status502BadGateway, "The service failed to answer."),
            };
            context.Response.Clear();
            await Results.Problem(title: title, statusCode: status,
                extensions: new Dictionary<string, object?> { ["service"] = context.GetReverseProxyFeature().Route.Config.ClusterId })
                .ExecuteAsync(context);
        });
    }

    private static bool TooLarge(Exception? exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
        }
        return false;
    }

    private static bool IsConnectionFailure(Exception? exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException or IOException) return true;
        }
        return false;
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Civility.Hosting;

/// <summary>
/// Documents, on every operation, the errors it can answer, each with an example of Civility's one error shape
/// (RFC 9457 problem details with a traceId; field errors for 400).
/// </summary>
internal sealed class ProblemExamples : IOpenApiOperationTransformer
{
    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= new OpenApiResponses();
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        if (context.Description.ParameterDescriptions.Count > 0 || context.Description.HttpMethod is "POST" or "PUT")
        {
            Add(operation, "400", "Invalid fields", new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                ["title"] = "The request has invalid fields.",
                ["status"] = 400,
                ["errors"] = new JsonObject { ["idNumber"] = new JsonArray("The check character of the citizen ID number is wrong.") },
                ["traceId"] = TraceId,
            });
        }
        if (!anonymous)
        {
            Add(operation, "401", "No valid bearer token",
                Problem(401, "Unauthorized", "https://tools.ietf.org/html/rfc9110#section-15.5.2"));
            Add(operation, "403", "The token lacks the scope",
                Problem(403, "Forbidden", "https://tools.ietf.org/html/rfc9110#section-15.5.4"));
        }
        if (context.Description.HttpMethod is "POST" or "PUT")
        {
            var conflict = Problem(409, "The service record is declined: 'approve' is not allowed now.",
                "https://tools.ietf.org/html/rfc9110#section-15.5.10");
            conflict["allowed"] = new JsonArray();
            Add(operation, "409", "Conflicts with the current state (the allowed actions are listed)", conflict);
            Add(operation, "422", "A business rule refuses it",
                Problem(422, "Hours of an inactive volunteer cannot be approved.", "https://tools.ietf.org/html/rfc4918#section-11.2"));
        }
        return Task.CompletedTask;
    }

    private static JsonObject Problem(int status, string title, string type) => new()
    {
        ["type"] = type,
        ["title"] = title,
        ["status"] = status,
        ["traceId"] = TraceId,
    };

    private static void Add(OpenApiOperation operation, string status, string description, JsonObject example)
    {
        if (operation.Responses!.ContainsKey(status)) return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Example = example } },
        };
    }
}

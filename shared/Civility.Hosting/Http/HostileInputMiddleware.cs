using Civility.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;

namespace Civility.Hosting.Http;

/// <summary>
/// Query and route values pass <see cref="HostileInput"/> (with no line breaks either) before any handler binds
/// them: a refused one is a 400 naming the parameter, never a database error.
/// </summary>
internal sealed class HostileInputMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, values) in context.Request.Query)
        {
            if (HostileInput.Problem(key, allowLineBreaks: false) is { } keyProblem)
            {
                errors["query"] = [keyProblem];
                continue;
            }
            foreach (var value in values)
                if (value is not null && HostileInput.Problem(value, allowLineBreaks: false) is { } problem) errors[key] = [problem];
        }
        foreach (var (key, value) in context.Request.RouteValues)
            if (value is string text && HostileInput.Problem(text, allowLineBreaks: false) is { } problem) errors[key] = [problem];
        if (errors.Count == 0)
        {
            await next(context);
            return;
        }
        await TypedResults.ValidationProblem(errors, title: "The request has invalid fields.").ExecuteAsync(context);
    }
}

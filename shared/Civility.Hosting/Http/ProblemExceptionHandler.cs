using Civility.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Civility.Hosting.Http;

/// <summary>
/// One error shape for what escapes a handler: domain rules become 409/422/404, a unique-key race becomes 409,
/// anything else stays a 500 whose details are logged, never shown.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, extensions) = exception switch
        {
            DomainRuleException rule => (rule.Kind switch
            {
                RuleKind.Conflict => StatusCodes.Status409Conflict,
                RuleKind.NotFound => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status422UnprocessableEntity,
            }, rule.Title, rule.Detail, rule.Details),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                (StatusCodes.Status409Conflict, "The change conflicts with an existing record.",
                    "Another request made the same record at the same time; read it again.",
                    (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>()),
            // Only the unit of work knows whether to try again (TransactionExtensions, OnConflict); one that lets the loss
            // escape has decided on a 409, named after what was changed.
            DbUpdateConcurrencyException concurrent =>
                (StatusCodes.Status409Conflict, $"The {ChangedRecord(concurrent)} was changed by another request at the same time.",
                    "Read it again and retry.",
                    (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>()),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } bad =>
                (bad.StatusCode, "The request has invalid fields.", "The body is not the JSON this operation takes.", FieldErrors(json)),
            BadHttpRequestException bad =>
                (bad.StatusCode, "The request could not be read.", bad.Message, new Dictionary<string, object?>()),
            _ => (0, "", null, new Dictionary<string, object?>()),
        };
        if (status == 0) return false;

        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static string ChangedRecord(DbUpdateConcurrencyException concurrent) =>
        concurrent.Entries.FirstOrDefault()?.Metadata.ClrType.Name is { } name
            ? System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(name).Replace('-', ' ')
            : "record";

    /// <summary>The field a body's JSON failed at, as a validation problem's <c>errors</c> (<c>volunteers[0].hours</c>).</summary>
    private static IReadOnlyDictionary<string, object?> FieldErrors(System.Text.Json.JsonException json)
    {
        var message = json is RefusedJsonValueException
            ? json.Message
            : "This value is not of the expected type, or the JSON is malformed.";
        return new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [JsonFailure.Field(json)] = [message] } };
    }
}

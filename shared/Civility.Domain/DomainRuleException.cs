namespace Civility.Domain;

public enum RuleKind
{
    /// <summary>The request conflicts with the current state (409): a duplicate, an illegal transition.</summary>
    Conflict,

    /// <summary>The request is well-formed but a business rule refuses it (422).</summary>
    Unprocessable,

    /// <summary>The thing does not exist, or this caller may not know it exists (404).</summary>
    NotFound,
}

/// <summary>
/// Thrown by domain behaviour when a rule refuses an action. Not an HTTP type: the shared exception handler turns it
/// into problem details (409, 422 or 404) with <see cref="Details"/> as extension members.
/// </summary>
public sealed class DomainRuleException(
    RuleKind kind, string title, string? detail = null, IReadOnlyDictionary<string, object?>? details = null)
    : Exception(detail ?? title)
{
    public RuleKind Kind { get; } = kind;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();

    /// <summary>An action not allowed from the current state: 409 listing the actions that are.</summary>
    public static DomainRuleException IllegalTransition(string entity, string state, string action, IEnumerable<string> allowed) =>
        new(RuleKind.Conflict, $"{entity} is {state}: '{action}' is not allowed now.",
            $"Allowed from {state}: {string.Join(", ", allowed.DefaultIfEmpty("nothing"))}.",
            new Dictionary<string, object?> { ["state"] = state, ["allowed"] = allowed.ToArray() });

    public static DomainRuleException Rule(string title, string? detail = null, IReadOnlyDictionary<string, object?>? details = null) =>
        new(RuleKind.Unprocessable, title, detail, details);

    /// <summary>
    /// The one way to say "no such thing" (404): a lookup that finds nothing, or finds what this caller may not know
    /// exists. Use cases throw it (<see cref="Lookup.OrNotFound"/>); endpoints do not test for null.
    /// </summary>
    public static DomainRuleException NotFound(string what) => new(RuleKind.NotFound, $"No such {what}.");

    public static DomainRuleException Conflict(string title, string? detail = null, IReadOnlyDictionary<string, object?>? details = null) =>
        new(RuleKind.Conflict, title, detail, details);
}

public static class Lookup
{
    /// <summary>The value found, or a 404 naming <paramref name="what"/> (<c>"activity"</c>: "No such activity.").</summary>
    public static T OrNotFound<T>(this T? value, string what) where T : class => value ?? throw DomainRuleException.NotFound(what);
}

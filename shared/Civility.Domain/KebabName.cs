namespace Civility.Domain;

/// <summary>
/// How Civility spells a state, a kind or a category wherever people and programs read it — a rule's message, a
/// JSON enum, an event: kebab-case (<c>UnderReview</c> → <c>under-review</c>). One spelling, so a message names a
/// state exactly as the API returns it.
/// </summary>
public static class KebabName
{
    public static string Of(string pascal) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(pascal);

    public static string Of(Enum value) => Of(value.ToString());
}

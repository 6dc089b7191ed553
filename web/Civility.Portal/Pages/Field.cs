namespace Civility.Portal.Pages;

/// <summary>
/// One labelled form field with its hint and its error beside it (<c>aria-describedby</c>, <c>aria-invalid</c>).
/// <paramref name="Value"/> is what is written back into the page: never a citizen ID number.
/// </summary>
public sealed record Field(string Id, string Name, string Label, string? Value = null, string? Error = null, string Type = "text",
    string? Autocomplete = null, string? Hint = null, bool Required = true, int MaxLength = 100, bool Multiline = false,
    string? InputMode = null)
{
    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", Error is null ? null : $"{Id}-error" }
        .Where(x => x is not null)) is { Length: > 0 } ids ? ids : null;
}

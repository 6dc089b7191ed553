using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Civility.Portal.Pages;

/// <summary>A page with a form: its fields' errors, said beside each field, checked here before any service is asked.</summary>
public abstract class FormPage : PortalPage
{
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.ValidationState == ModelValidationState.Invalid
            ? entry.Errors.FirstOrDefault()?.ErrorMessage
            : null;

    protected void Error(string field, string message) => ModelState.AddModelError(field, message);

    protected bool HasErrors => ModelState.ErrorCount > 0;

    /// <summary>Drops what model binding said about the fields (in English): this page says it itself, in Chinese.</summary>
    protected void ClearBindingErrors() => ModelState.Clear();

    /// <summary>Required text of at most <paramref name="max"/> characters, trimmed; null with the error beside the field.</summary>
    protected string? Text(string field, string? value, int max, string missing)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Error(field, missing);
            return null;
        }
        if (text.Length > max)
        {
            Error(field, $"最多 {max} 个字。");
            return null;
        }
        return text;
    }
}

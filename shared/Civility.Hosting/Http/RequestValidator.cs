using System.Globalization;
using Civility.Domain;
using Civility.Domain.PersonalData;
using Civility.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.Hosting.Http;

/// <summary>
/// Collects every field error of a request (not just the first) and turns them into one RFC 9457 validation
/// problem (400) naming the fields. Handlers validate the body before they touch the domain.
/// </summary>
public sealed class RequestValidator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public RequestValidator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public RequestValidator Check(bool ok, string field, string message) => ok ? this : Add(field, message);

    /// <summary>
    /// Trimmed text; required unless said otherwise; at most <paramref name="maxLength"/> characters; within
    /// <see cref="HostileInput"/> (text from a CSV file has not passed the JSON reader's check).
    /// </summary>
    public string Text(string field, string? value, int maxLength, bool required = true)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0) Add(field, "This field is required.");
        else if (text.Length > maxLength) Add(field, $"At most {maxLength} characters.");
        else if (HostileInput.Problem(text) is { } problem) Add(field, problem);
        return text;
    }

    public string? OptionalText(string field, string? value, int maxLength)
    {
        var text = Text(field, value, maxLength, required: false);
        return text.Length == 0 ? null : text;
    }

    public TEnum? Enum<TEnum>(string field, string? value, bool required = true) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, $"This field is required: one of {Names<TEnum>()}.");
            return null;
        }
        var normalized = value.Replace("-", "").Replace("_", "");
        if (System.Enum.TryParse<TEnum>(normalized, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            && !int.TryParse(value, out _))
            return parsed;
        Add(field, $"'{value}' is not one of {Names<TEnum>()}.");
        return null;
    }

    public int? Range(string field, int? value, int min, int max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "This field is required.");
            return null;
        }
        if (value < min || value > max) Add(field, $"Between {min} and {max}.");
        return value;
    }

    public decimal? Range(string field, decimal? value, decimal min, decimal max, bool required = true)
    {
        if (value is null)
        {
            if (required) Add(field, "This field is required.");
            return null;
        }
        if (value < min || value > max)
            Add(field, $"Between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }

    public T? Required<T>(string field, T? value) where T : struct
    {
        if (value is null) Add(field, "This field is required.");
        return value;
    }

    /// <summary>A citizen ID number (GB 11643) normalized, or null with the reason recorded against the field.</summary>
    public string? CitizenId(string field, string? value)
    {
        if (CitizenIdNumber.Validate(value) is { } error)
        {
            Add(field, error);
            return null;
        }
        return CitizenIdNumber.Normalize(value!);
    }

    /// <summary>A mainland mobile or landline number normalized, or null (none given, or the reason recorded against the field).</summary>
    public string? Phone(string field, string? value, bool required = false)
    {
        if (!required && string.IsNullOrWhiteSpace(value)) return null;
        if (PhoneNumber.Validate(value) is { } error)
        {
            Add(field, error);
            return null;
        }
        return PhoneNumber.Normalize(value);
    }

    /// <summary>
    /// A mainland mobile number (where a text message can reach: a vote's one-time code), normalized to its 11 digits by
    /// the shared rule (<see cref="PhoneNumber"/>). Null with the reason recorded against the field.
    /// </summary>
    public string? MobilePhone(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "This field is required: a mobile number.");
            return null;
        }
        if (PhoneNumber.NormalizeMobile(value) is { } mobile) return mobile;
        Add(field, "A mainland mobile number: 11 digits starting 13–19.");
        return null;
    }

    /// <summary>A unified social credit code (GB 32100) normalized, or null with the reason recorded against the field.</summary>
    public string? CreditCode(string field, string? value, bool required = true)
    {
        if (!required && string.IsNullOrWhiteSpace(value)) return null;
        var normalized = value is null ? null : Civility.Domain.Identifiers.UnifiedSocialCreditCode.Normalize(value);
        if (Civility.Domain.Identifiers.UnifiedSocialCreditCode.Validate(normalized) is { } error)
        {
            Add(field, error);
            return null;
        }
        return normalized;
    }

    /// <summary>
    /// Page and size of a list request (<see cref="PageRequest"/>); when either is out of range, the errors are added and the
    /// defaults returned.
    /// </summary>
    public PageRequest Paging(int? page, int? pageSize)
    {
        foreach (var (field, messages) in PageRequest.Errors(page, pageSize)) Add(field, messages[0]);
        return PageRequest.Validate(page, pageSize) ?? new PageRequest(1, PageRequest.DefaultSize);
    }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        title: "The request has invalid fields.");

    private static string Names<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => KebabName.Of(n)));
}

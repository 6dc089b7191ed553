using Microsoft.AspNetCore.WebUtilities;

namespace Civility.Portal.Pages;

/// <summary>Previous and next links of a paged list, keeping the other query values.</summary>
public sealed record Pager(string Path, int Page, int Pages, long Total, IReadOnlyDictionary<string, string?> Query)
{
    public string Link(int page)
    {
        var values = Query.Where(q => !string.IsNullOrEmpty(q.Value)).ToDictionary(q => q.Key, q => q.Value);
        values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, values);
    }
}

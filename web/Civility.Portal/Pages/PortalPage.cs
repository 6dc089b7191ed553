using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Pages;

/// <summary>What every page sets: its title and description (for the head and a shared link's preview).</summary>
public abstract class PortalPage : PageModel
{
    protected void Describe(string title, string description)
    {
        ViewData["Title"] = title;
        ViewData["Description"] = description;
    }

    /// <summary>A page answered without part of what it shows (a service did not answer) is not kept in the cache.</summary>
    protected void DoNotCache()
    {
        if (HttpContext.Features.Get<IOutputCacheFeature>() is { } cache) cache.Context.AllowCacheStorage = false;
    }

    /// <summary>Runs a read, or answers null (and keeps the page out of the cache) when the service does not answer.</summary>
    protected async Task<T?> TryAsync<T>(Func<Task<T?>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (HttpRequestException)
        {
            DoNotCache();
            return null;
        }
        catch (TaskCanceledException) when (!HttpContext.RequestAborted.IsCancellationRequested)
        {
            DoNotCache();
            return null;
        }
    }
}

using Civility.CreditList.Domain;
using Civility.Data;
using Civility.Domain.Time;
using Civility.Hosting.Caching;
using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Endpoints;

/// <summary>
/// The public query is read far more than the lists change: its answers are kept in the output cache, by query, and
/// the whole cache is emptied after any committed change to an entry or a subject, on every replica, so a lifted
/// listing stops being published at once (should a replica miss the word, its copy lives at most
/// <see cref="CreditListOptions.PublicQueryCacheDuration"/>).
/// The Beijing date is part of the key, so a publication period that ends or starts at midnight is honoured too.
/// </summary>
public static class PublicQueryCache
{
    public const string Policy = "credit-public-query";

    /// <summary>The browsable lists and their departments: the same tag, so the same evictions.</summary>
    public const string ListsPolicy = "credit-public-lists";
    private const string Tag = "credit-public";

    public static WebApplicationBuilder AddPublicQueryCache(this WebApplicationBuilder builder)
    {
        var duration = builder.Configuration.GetSection("CreditList").GetValue(nameof(CreditListOptions.PublicQueryCacheDuration),
            new CreditListOptions().PublicQueryCacheDuration);
        // Keyed by the Beijing date too: what is published changes when a day rolls over, with no save to announce it.
        static KeyValuePair<string, string> Today(HttpContext context) => new("today", context.RequestServices
            .GetRequiredService<TimeProvider>().CountyToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy => policy
                .Expire(duration).SetVaryByQuery("name", "identifier", "page", "pageSize").Tag(Tag).VaryByValue(Today));
            options.AddPolicy(ListsPolicy, policy => policy
                .Expire(duration).SetVaryByQuery("listType", "tier", "department", "page", "pageSize").Tag(Tag).VaryByValue(Today));
        });
        builder.Services.AddReplicaCacheEviction("credit", Tag);
        builder.Services.AddSingleton<EvictOnChange>();
        builder.Services.ConfigureDbContext<Data.CreditDbContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<EvictOnChange>()));
        return builder;
    }

    /// <summary>
    /// Empties the cache of every replica once a save that touched entries or subjects is committed (not before: a
    /// reader could re-cache the old state).
    /// </summary>
    internal sealed class EvictOnChange(ReplicaCacheEviction cache) : AfterCommitInterceptor
    {
        protected override bool Concerns(DbContext context) => context.ChangeTracker.Entries()
            .Any(e => e.Entity is ListEntry or CreditSubject && e.State is EntityState.Added or EntityState.Modified);

        protected override Task OnCommittedAsync(CancellationToken cancellationToken) => cache.EvictEverywhereAsync(Tag, cancellationToken);
    }
}

using Civility.Contracts.CreditList;
using Civility.Contracts.MoralModels;
using Civility.Contracts.Volunteers;
using MassTransit;
using Microsoft.AspNetCore.OutputCaching;

namespace Civility.Portal.Caching;

/// <summary>
/// The read pages (home, boards, publicity, credit lists) are kept in the output cache, each tagged with what it shows,
/// for <c>Portal:CacheSeconds</c> at most (60 s by default). A change is not waited for: the services' integration
/// events that change a board or a list empty the pages of that tag at once (<see cref="EvictOnEvents"/>). The
/// lifetime is the backstop for what no event announces (a publication period starting or ending at the county's
/// midnight, the days left of a publicity window, a public tally). Pages with forms (anti-forgery tokens) and answers
/// to a visitor's query are never cached.
/// </summary>
public static class PortalCache
{
    public const string Boards = "boards", Publicity = "publicity", Credit = "credit", Targets = "targets";

    public const string HomePolicy = "home", BoardsPolicy = "boards", BoardEntryPolicy = "board-entry", PublicityPolicy = "publicity",
        NoticePolicy = "notice", CreditPolicy = "credit";

    public static IServiceCollection AddPortalCache(this IServiceCollection services, IConfiguration configuration)
    {
        var lifetime = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Portal:CacheSeconds", 60)));
        services.AddOutputCache(options =>
        {
            options.AddPolicy(HomePolicy, p => p.Expire(lifetime).Tag(Boards, Publicity, Targets));
            options.AddPolicy(BoardsPolicy, p => p.Expire(lifetime).SetVaryByQuery("year", "category", "page").Tag(Boards));
            options.AddPolicy(BoardEntryPolicy, p => p.Expire(lifetime).SetVaryByRouteValue("id").Tag(Boards));
            options.AddPolicy(PublicityPolicy, p => p.Expire(lifetime).SetVaryByQuery("page").Tag(Publicity));
            options.AddPolicy(NoticePolicy, p => p.Expire(lifetime).SetVaryByRouteValue("id").Tag(Publicity));
            options.AddPolicy(CreditPolicy, p => p.Expire(lifetime).SetVaryByQuery("list", "tier", "department", "page").Tag(Credit));
        });
        return services;
    }
}

/// <summary>
/// Empties the cached pages an event makes stale. Eviction is idempotent, so no inbox is needed: a redelivered event
/// only empties again. Each portal replica reads a queue of its own (temporary: auto-deleted when it stops), as each
/// replica has its own cache; events published while a replica was down concern pages it no longer holds.
/// </summary>
public sealed class EvictOnEvents(IOutputCacheStore cache, ILogger<EvictOnEvents> logger) :
    IConsumer<NominationPublicized>, IConsumer<NominationSuspended>, IConsumer<NominationResumed>, IConsumer<NominationRejected>,
    IConsumer<ModelSelected>, IConsumer<ModelCommended>, IConsumer<HonourWithdrawn>, IConsumer<HonourRestored>,
    IConsumer<SubjectBlacklisted>, IConsumer<SubjectRedlisted>, IConsumer<ListingLifted>, IConsumer<ListingUnderObjection>,
    IConsumer<UnitTargetsChanged>
{
    public Task Consume(ConsumeContext<NominationPublicized> context) => EvictAsync(context, PortalCache.Publicity);

    public Task Consume(ConsumeContext<NominationSuspended> context) => EvictAsync(context, PortalCache.Publicity);

    public Task Consume(ConsumeContext<NominationResumed> context) => EvictAsync(context, PortalCache.Publicity);

    public Task Consume(ConsumeContext<NominationRejected> context) => EvictAsync(context, PortalCache.Publicity);

    public Task Consume(ConsumeContext<ModelSelected> context) => EvictAsync(context, PortalCache.Publicity);

    public Task Consume(ConsumeContext<ModelCommended> context) => EvictAsync(context, PortalCache.Boards);

    public Task Consume(ConsumeContext<HonourWithdrawn> context) => EvictAsync(context, PortalCache.Boards);

    public Task Consume(ConsumeContext<HonourRestored> context) => EvictAsync(context, PortalCache.Boards);

    public Task Consume(ConsumeContext<SubjectBlacklisted> context) => EvictAsync(context, PortalCache.Credit);

    public Task Consume(ConsumeContext<SubjectRedlisted> context) => EvictAsync(context, PortalCache.Credit);

    public Task Consume(ConsumeContext<ListingLifted> context) => EvictAsync(context, PortalCache.Credit);

    public Task Consume(ConsumeContext<ListingUnderObjection> context) => EvictAsync(context, PortalCache.Credit);

    public Task Consume(ConsumeContext<UnitTargetsChanged> context) => EvictAsync(context, PortalCache.Targets);

    private async Task EvictAsync<T>(ConsumeContext<T> context, string tag) where T : class
    {
        await cache.EvictByTagAsync(tag, context.CancellationToken);
        logger.LogDebug("{Event} emptied the cached {Tag} pages", typeof(T).Name, tag);
    }
}

public static class CacheEvictionMessaging
{
    /// <summary>
    /// Binds a temporary queue of this replica to the events that change what the pages show (when a broker is
    /// configured, <c>ConnectionStrings:messaging</c>; without one the pages live their cache lifetime).
    /// </summary>
    public static IHostApplicationBuilder AddCacheEviction(this IHostApplicationBuilder builder)
    {
        var brokerUri = builder.Configuration.GetConnectionString("messaging");
        if (string.IsNullOrWhiteSpace(brokerUri)) return builder;
        builder.Services.AddMassTransit(bus =>
        {
            bus.AddConsumer<EvictOnEvents>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(brokerUri));
                rabbit.ReceiveEndpoint(new TemporaryEndpointDefinition("portal-cache"), endpoint =>
                {
                    endpoint.PrefetchCount = 16;
                    endpoint.ConfigureConsumer<EvictOnEvents>(context);
                });
            });
        });
        return builder;
    }
}

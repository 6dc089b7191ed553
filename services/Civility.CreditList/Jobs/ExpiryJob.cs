using Civility.CreditList.Application.Entries;
using Civility.CreditList.Data;
using Civility.Hosting.Jobs;
using Microsoft.Extensions.Options;

namespace Civility.CreditList.Jobs;

/// <summary>Expires the entries whose publication period has ended (<see cref="ExpireEndedEntries"/>), on a schedule.</summary>
public sealed class ExpiryJob(IServiceScopeFactory scopes, ILogger<ExpiryJob> logger, IOptions<CreditListOptions> options)
    : SingleInstanceJob<CreditDbContext>(scopes, logger)
{
    protected override string Name => "credit.expire-entries";

    protected override TimeSpan Interval => options.Value.ExpiryInterval;

    protected override Task RunOnceAsync(IServiceProvider services, CreditDbContext db, CancellationToken cancellationToken) =>
        services.GetRequiredService<ExpireEndedEntries>().ExecuteAsync(cancellationToken);
}

using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civility.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows in write order, each with its row id as MessageId, and marks them once the broker confirmed.
/// Safe beside other replicas: a batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>. While the broker is down the rows
/// stay and the relay backs off; nothing is dropped. A row that fails on its own (it cannot be read, or the broker
/// refused it while it took the rows beside it) is tried again with the next batch, without backing off, and parked
/// after <see cref="OutboxOptions.ParkAfterAttempts"/> such failures, so that it never holds up the rest.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = _options.FirstBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PublishBatchAsync(stoppingToken) == _options.BatchSize)
                {
                    // A full batch: more are probably waiting.
                }
                await MeasureBacklogAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
                backoff = _options.FirstBackoff;
                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                await MeasureBacklogAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                logger.LogWarning(ex, "Outbox relay of {Context} could not publish; retrying in {Backoff}", typeof(TContext).Name, backoff);
                try
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }
    }

    /// <summary>Claims, publishes and marks one batch; returns how many rows were published.</summary>
    internal async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var table = QualifiedTable(db);
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claim = $"SELECT * FROM {table} WHERE published_at IS NULL AND parked_at IS NULL "
                + $"ORDER BY sequence LIMIT {_options.BatchSize} FOR UPDATE SKIP LOCKED";
            var batch = await db.Set<OutboxMessage>().FromSqlRaw(claim).AsNoTracking().ToListAsync(ct);
            if (batch.Count == 0) return 0;

            // Sent in write order without waiting for each confirm, then all confirms awaited together: one round
            // trip per batch instead of one per event. A row is marked only once the broker confirmed it.
            var publishing = batch.Select(row => (Row: row, Task: PublishAsync(row, ct))).ToList();
            try
            {
                await Task.WhenAll(publishing.Select(p => p.Task));
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                // Inspected row by row below.
            }
            var confirmed = publishing.Where(p => p.Task.IsCompletedSuccessfully).Select(p => p.Row.Id).ToList();
            var failed = publishing.Where(p => !p.Task.IsCompletedSuccessfully)
                .Select(p => (p.Row,
                    Error: p.Task.Exception?.GetBaseException() ?? new OperationCanceledException("Publish was cancelled.")))
                .ToList();
            var now = clock.GetUtcNow();
            var published = confirmed.Count == 0 ? 0 : await db.Set<OutboxMessage>()
                .Where(m => confirmed.Contains(m.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.PublishedAt, now), ct);
            // A failure is the row's own when the row cannot be read or the broker took the rows beside it; when
            // nothing went through, the broker is away and every row waits, however long, with no attempt counted.
            var ownFailures = failed.Where(f => f.Error is UnreadableOutboxRowException || confirmed.Count > 0).ToList();
            var brokerFailure = failed.Except(ownFailures).Select(f => f.Error).FirstOrDefault();
            foreach (var (row, error) in ownFailures)
            {
                var parked = row.Attempts + 1 >= _options.ParkAfterAttempts ? now : (DateTimeOffset?)null;
                var text = OutboxMessage.ErrorText(error.Message);
                await db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(set => set
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, text)
                    .SetProperty(m => m.ParkedAt, parked), ct);
                if (parked is not null)
                    logger.LogError(
                        "Outbox message {MessageId} ({MessageType}) of {Context} parked after {Attempts} failed attempts: {Error}",
                        row.Id, row.MessageType, typeof(TContext).Name, row.Attempts + 1, text);
            }
            if (brokerFailure is not null)
            {
                var waiting = failed.Except(ownFailures).Select(f => f.Row.Id).ToList();
                var text = OutboxMessage.ErrorText(brokerFailure.Message);
                await db.Set<OutboxMessage>().Where(m => waiting.Contains(m.Id))
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastError, text), ct);
            }
            await transaction.CommitAsync(ct);
            MessagingTelemetry.ReportPublished(ServiceName, published);
            if (brokerFailure is not null) throw new OutboxPublishException(published, brokerFailure);
            logger.LogDebug("Published {Count} outbox messages of {Context}", published, typeof(TContext).Name);
            return published + ownFailures.Count;
        }, cancellationToken);
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        object message;
        Type type;
        try
        {
            (message, type) = row.Deserialize();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new UnreadableOutboxRowException(error);
        }
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity($"outbox relay {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", row.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        await bus.Publish(message, type, context => context.MessageId = row.Id, timeout.Token);
    }

    private static readonly string ServiceName = typeof(TContext).Name.Replace("DbContext", "");

    /// <summary>Counts what still waits (a filtered index makes it cheap) for the backlog gauge.</summary>
    private async Task MeasureBacklogAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = await db.Set<OutboxMessage>().LongCountAsync(m => m.PublishedAt == null && m.ParkedAt == null, cancellationToken);
        var parked = await db.Set<OutboxMessage>().LongCountAsync(m => m.PublishedAt == null && m.ParkedAt != null, cancellationToken);
        MessagingTelemetry.ReportBacklog(ServiceName, pending, parked);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextCleanup) return;
        _nextCleanup = now + _options.CleanupInterval;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = now - _options.Retention;
        var deleted = await db.Set<OutboxMessage>()
            .Where(m => m.PublishedAt != null && m.PublishedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Removed {Count} published outbox messages older than {Cutoff}", deleted, cutoff);
    }

    private static string QualifiedTable(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))!;
        return $"\"{entity.GetSchema() ?? "public"}\".\"{entity.GetTableName()}\"";
    }
}

public sealed class OutboxPublishException(int published, Exception inner)
    : Exception($"Publishing stopped after {published} messages: {inner.Message}", inner);

/// <summary>An outbox row whose type or body cannot be read: no retry can publish it as it is.</summary>
public sealed class UnreadableOutboxRowException(Exception inner) : Exception($"The outbox row cannot be read: {inner.Message}", inner);

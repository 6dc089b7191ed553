using System.Collections.Concurrent;
using System.Globalization;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.RabbitMqTransport;
using MassTransit.Serialization;
using RabbitMQ.Client;

namespace Civility.Messaging.Redelivery;

/// <summary>
/// Redelivery later, through RabbitMQ itself: a message that still fails after the in-process retries is sent to a
/// delay queue of its consumer, <c>{queue}_delay_{ttl}</c>, whose message TTL dead-letters it back to the consumer's
/// queue when the time is up. The waiting happens in the broker, so a consumer that restarts (or crashes) meanwhile
/// loses nothing. The stage a message is in travels in MassTransit's <c>MT-Redelivery-Count</c> header; after the
/// last stage the failure takes MassTransit's usual way to <c>{queue}_error</c>, with its fault headers.
/// </summary>
/// <remarks>
/// MassTransit's own delayed redelivery needs the delayed-message exchange plugin, which the Debian RabbitMQ 3.10 does
/// not have; MassTransit's redelivery filter (the retry policy over redeliveries, the stage count, the error queue
/// at the end) is kept, and only the way a message is sent for later is ours.
/// </remarks>
internal static class DelayQueueRedelivery
{
    /// <summary>Connects redelivery to every message type (and every message of a batch) consumed on the endpoint.</summary>
    public static void UseDelayQueueRedelivery(this IReceiveEndpointConfigurator endpoint, string queueName, IReadOnlyList<TimeSpan> delays)
    {
        if (delays.Any(delay => delay < TimeSpan.FromMilliseconds(1)))
            throw new InvalidOperationException(
                $"Messaging:RedeliveryDelays must all be positive; {queueName} was given {string.Join(", ", delays)}.");
        var topology = new DelayQueueTopology(queueName);
        _ = new DelayQueueRedeliveryObserver(endpoint, topology, retry => retry.Intervals(delays.ToArray()));
    }
}

/// <summary>
/// The delay queues of one consumer queue, declared the first time a message needs one (as MassTransit declares
/// <c>_error</c> the first time a message fails for good).
/// </summary>
/// <remarks>
/// A queue is named by its TTL, not by its place in the schedule: a queue's arguments cannot change once declared
/// (RabbitMQ refuses with PRECONDITION_FAILED), so a schedule changed in configuration makes new queues beside the
/// old ones instead of clashing with them. Quorum queues, like the consumer queues: RabbitMQ 3.10 gives quorum queues
/// message TTL and at-least-once dead-lettering (a dead-lettered message leaves the delay queue only once the consumer's
/// queue has confirmed it), which classic queues do not have. At-least-once needs <c>x-overflow: reject-publish</c>.
/// They dead-letter through the default exchange straight to the consumer's queue, whatever is bound to it.
/// </remarks>
internal sealed class DelayQueueTopology(string queueName)
{
    private readonly ConcurrentDictionary<string, bool> _declared = new();

    public string QueueName { get; } = queueName;

    public string DelayQueueName(TimeSpan delay) => $"{QueueName}_delay_{Format(delay)}";

    /// <summary>5s, 30s, 2m, 1h30m, 1500ms: short and stable, so the name says what the queue does.</summary>
    internal static string Format(TimeSpan delay)
    {
        var ms = (long)delay.TotalMilliseconds;
        if (ms % 1000 != 0) return ms.ToString(CultureInfo.InvariantCulture) + "ms";
        var parts = new List<string>();
        var rest = TimeSpan.FromMilliseconds(ms);
        if ((long)rest.TotalHours > 0) parts.Add($"{(long)rest.TotalHours}h");
        if (rest.Minutes > 0) parts.Add($"{rest.Minutes}m");
        if (rest.Seconds > 0 || parts.Count == 0) parts.Add($"{rest.Seconds}s");
        return string.Concat(parts);
    }

    public async Task EnsureDeclaredAsync(ReceiveContext receive, TimeSpan delay, CancellationToken cancellationToken)
    {
        var name = DelayQueueName(delay);
        if (_declared.ContainsKey(name)) return;
        if (!receive.TryGetPayload(out ChannelContext? consuming))
            throw new InvalidOperationException($"{QueueName}: no RabbitMQ channel on the delivery, cannot declare {name}.");

        // A channel of its own: a refused declaration closes the channel it was made on, and that must not be the
        // channel the consumer receives on.
        await using var channel = await consuming.ConnectionContext.Connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-message-ttl"] = (long)delay.TotalMilliseconds,
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = QueueName,
            ["x-dead-letter-strategy"] = "at-least-once",
            ["x-overflow"] = "reject-publish",
        }, cancellationToken: cancellationToken);
        // The exchange MassTransit sends to (fanout, durable, as it declares an "exchange:" address), bound to the queue.
        await channel.ExchangeDeclareAsync(
            name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(name, name, "", cancellationToken: cancellationToken);
        await channel.CloseAsync(cancellationToken);
        _declared[name] = true;
    }

    /// <summary>After a failed send: declare again next time (the queue may have been deleted under us).</summary>
    public void Forget(TimeSpan delay) => _declared.TryRemove(DelayQueueName(delay), out _);
}

/// <summary>MassTransit's redelivery observer, with our way of sending a message for later in place of the scheduler's.</summary>
internal sealed class DelayQueueRedeliveryObserver(
    IConsumePipeConfigurator configurator, DelayQueueTopology topology, Action<IRedeliveryConfigurator> configure)
    : ScheduledRedeliveryConfigurationObserver(configurator, configure)
{
    protected override IRedeliveryPipeSpecification AddRedeliveryPipeSpecification<TMessage>(IConsumePipeConfigurator configurator)
    {
        var specification = new DelayQueueRedeliverySpecification<TMessage>(topology);
        configurator.AddPipeSpecification(specification);
        return specification;
    }
}

internal sealed class DelayQueueRedeliverySpecification<TMessage>(DelayQueueTopology topology)
    : IPipeSpecification<ConsumeContext<TMessage>>, IRedeliveryPipeSpecification
    where TMessage : class
{
    public RedeliveryOptions Options { get; set; }

    public void Apply(IPipeBuilder<ConsumeContext<TMessage>> builder) =>
        builder.AddFilter(new DelayQueueRedeliveryFilter<TMessage>(topology, Options));

    public IEnumerable<ValidationResult> Validate()
    {
        if (Options.HasFlag(RedeliveryOptions.ReplaceMessageId))
            yield return this.Failure("Options", "the inbox de-duplicates by message id: a redelivery must keep it");
    }
}

/// <summary>Puts the delay-queue redelivery on each delivery, for MassTransit's redelivery filter to call.</summary>
internal sealed class DelayQueueRedeliveryFilter<TMessage>(DelayQueueTopology topology, RedeliveryOptions options)
    : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        context.GetOrAddPayload<MessageRedeliveryContext>(() => new DelayQueueRedeliveryContext<TMessage>(context, topology, options));
        return next.Send(context);
    }

    public void Probe(ProbeContext context)
    {
        var scope = context.CreateFilterScope("delayQueueRedelivery");
        scope.Add("queue", topology.QueueName);
    }
}

internal sealed class DelayQueueRedeliveryContext<TMessage>(
    ConsumeContext<TMessage> context, DelayQueueTopology topology, RedeliveryOptions options)
    : MessageRedeliveryContext
    where TMessage : class
{
    /// <summary>Headers RabbitMQ adds when it dead-letters; a copy carrying them would look dead-lettered already.</summary>
    private static readonly string[] DeadLetterHeaders = ["x-death", "x-first-death-", "x-last-death-"];

    public async Task ScheduleRedelivery(TimeSpan delay, Action<ConsumeContext, SendContext>? callback = null)
    {
        // The retry policy's interval for this redelivery is the TTL of the queue it waits in.
        await topology.EnsureDeclaredAsync(context.ReceiveContext, delay, context.CancellationToken);
        var delayQueue = topology.DelayQueueName(delay);
        var pipe = Pipe.Execute<SendContext<TMessage>>(send =>
        {
            // Same message id, headers and body; MT-Redelivery-Count goes up by one: the stage it is in.
            send.ApplyRedeliveryOptions(context, options);
            callback?.Invoke(context, send);
            foreach (var header in send.Headers.GetAll().Where(h => DeadLetterHeaders.Any(h.Key.StartsWith)).ToList())
                send.Headers.Set(header.Key, null);
            // Returned, not dropped, if the delay queue is gone: the send fails and the message stays where it is.
            if (send.TryGetPayload(out RabbitMqSendContext? rabbit)) rabbit.Mandatory = true;
        });
        try
        {
            var endpoint = await context.GetSendEndpoint(new Uri($"exchange:{delayQueue}"));
            await endpoint.Send(context.Message, new ForwardMessagePipe<TMessage>(context, pipe), context.CancellationToken);
        }
        catch
        {
            topology.Forget(delay);
            throw;
        }
        LogContext.Warning?.Log("{MessageType} {MessageId} on {Queue} still fails after the in-process retries: "
            + "redelivery {Stage} in {Delay} from {DelayQueue}",
            TypeCache<TMessage>.ShortName, context.MessageId, topology.QueueName, context.GetRedeliveryCount() + 1, delay, delayQueue);
    }
}

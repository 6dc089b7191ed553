using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using RabbitMQ.Client;

namespace Civility.Bench;

/// <summary>
/// Pings raised through the volunteers outbox (in bursts: one request, one transaction, many events) and consumed by
/// the pairing service's inbox consumer, beside raw publishes with confirms to the same broker; then pings paced at
/// 500/s for the propagation latency.
/// </summary>
internal static class EventPipeline
{
    public static async Task RunAsync(BenchContext context)
    {
        var quick = context.Options.Quick;
        var rawRate = await RawPublishRateAsync(await context.Stack.ConnectionStringAsync("rabbitmq"), quick ? 2_000 : 20_000);
        Console.WriteLine($"   raw publish with confirms: {rawRate:F0} msg/s");

        // Warm-up, not counted: the services run unoptimized code for their first tens of seconds (tiered compilation).
        var warmUp = await PingsAsync(context, quick ? 2_000 : 5_000, Burst, null);
        Console.WriteLine($"   warm-up: {warmUp.Rate:F0} ev/s ({warmUp.Received:N0} of {warmUp.Sent:N0} consumed)");

        // Sustained: bursts of pings as fast as the outbox takes them, then until the consumer has them all.
        var sustained = await PingsAsync(context, quick ? 5_000 : 30_000, Burst, null);
        var ratio = sustained.Rate / rawRate;
        context.Report.Add("Event pipeline (sustained)",
            $"{sustained.Sent:N0} pings raised via gateway {Burst} per request (one transaction each) → volunteers outbox → relay → "
            + $"RabbitMQ → pairing inbox consumer (batches of up to 100, one transaction each), after {warmUp.Sent:N0} not counted "
            + $"({sustained.Relay})",
            $"{sustained.Rate:F0} ev/s end to end ({sustained.Received:N0} consumed)",
            $"{rawRate:F0} msg/s raw RabbitMQ.Client publish with confirms",
            $"{ratio:F3}", "≥ 0.25", ratio >= 0.25);
        // Paced at 500 events/s (5 pings every 10 ms): propagation from the outbox commit to the consumer's effect.
        var paced = await PingsAsync(context, quick ? 1_000 : 5_000, 5, 500);
        context.Report.Add("Event pipeline (500 ev/s)",
            $"pings paced at 500/s, 5 per request (sent at {paced.SendRate:F0}/s), propagation commit → consumer effect ({paced.Relay})",
            $"p50 {paced.P50:F0} ms, p99 {paced.P99:F0} ms", "—", "—", "p99 < 100 ms", paced.P99 < 100 && paced.SendRate >= 450);
    }

    /// <summary>The baseline: persistent messages to a quorum queue with publisher confirms, in batches of 200.</summary>
    private static async Task<double> RawPublishRateAsync(string rabbitmq, int messages)
    {
        var factory = new ConnectionFactory { Uri = new Uri(rabbitmq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync("bench-raw-publish", durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
        var body = JsonSerializer.SerializeToUtf8Bytes(new { pingId = Guid.CreateVersion7(), fromService = "bench", note = "ping" });
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json" };
        var clock = Stopwatch.StartNew();
        var published = 0;
        while (published < messages && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var batch = Enumerable.Range(0, 200)
                .Select(_ => channel.BasicPublishAsync("", "bench-raw-publish", false, properties, body).AsTask()).ToArray();
            await Task.WhenAll(batch);
            published += batch.Length;
        }
        var rate = published / clock.Elapsed.TotalSeconds;
        await channel.QueueDeleteAsync("bench-raw-publish");
        return rate;
    }

    /// <summary>
    /// The sustained rate after a warm-up, for comparing stacks (one replica against two): pings in bursts until the
    /// consumer has them all, and how many it applied more than once (counted in its table, not from messages).
    /// </summary>
    public static async Task<(double Rate, int Sent, long Duplicates)> SustainedAsync(BenchContext context)
    {
        var quick = context.Options.Quick;
        await PingsAsync(context, quick ? 2_000 : 5_000, Burst, null);
        var run = await PingsAsync(context, quick ? 5_000 : 30_000, Burst, null);
        await using var connection = new NpgsqlConnection(context.CivilityDatabaseAsSuperuser);
        await connection.OpenAsync();
        await using var duplicates = new NpgsqlCommand(
            "SELECT count(*) - count(DISTINCT ping_id) FROM pairing.received_pings", connection);
        return (run.Rate, run.Sent, (long)(await duplicates.ExecuteScalarAsync())!);
    }

    /// <summary>Pings per request in the sustained run: a change that announces many events at once.</summary>
    private const int Burst = 250;

    /// <summary>Requests in flight at once.</summary>
    private const int Senders = 4;

    /// <summary>
    /// <paramref name="count"/> pings to the pairing service, <paramref name="perRequest"/> per request from a few
    /// senders (paced when <paramref name="perSecond"/> is given), then polls <c>pairing.received_pings</c> until each
    /// has arrived or 90 s have passed.
    /// </summary>
    private static async Task<PingRun> PingsAsync(BenchContext context, int count, int perRequest, int? perSecond)
    {
        var ids = new ConcurrentBag<Guid>();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var clock = Stopwatch.StartNew();
        var next = 0;
        var requests = (count + perRequest - 1) / perRequest;
        var tasks = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                var n = Interlocked.Increment(ref next);
                if (n > requests) break;
                if (perSecond is { } rate)
                {
                    var due = TimeSpan.FromSeconds((double)(n - 1) * perRequest / rate);
                    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
                }
                using var response = await context.Gateway.PostAsJsonAsync("/api/volunteers/diagnostics/pings",
                    new { note = "bench", to = "pairing", count = perRequest });
                if (!response.IsSuccessStatusCode) continue;
                foreach (var id in (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pingIds").EnumerateArray())
                    ids.Add(id.GetGuid());
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var sendTime = clock.Elapsed;
        var sent = ids.ToArray();
        await using var connection = new NpgsqlConnection(context.CivilityDatabaseAsSuperuser);
        await connection.OpenAsync();
        var received = new Dictionary<Guid, DateTimeOffset>();
        var wait = Stopwatch.StartNew();
        while (received.Count < sent.Length && wait.Elapsed < TimeSpan.FromSeconds(90))
        {
            await using var command = new NpgsqlCommand(
                "SELECT ping_id, received_at FROM pairing.received_pings WHERE ping_id = ANY($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = sent });
            received.Clear();
            await using (var reader = await command.ExecuteReaderAsync())
                while (await reader.ReadAsync()) received[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            if (received.Count < sent.Length) await Task.Delay(200);
        }
        // A version-7 GUID carries the millisecond it was made: just before the commit that wrote the outbox row.
        var made = sent.Where(received.ContainsKey).ToDictionary(id => id, Synthetic.V7Time);
        var latencies = made.Select(p => (received[p.Key] - p.Value).TotalMilliseconds).Order().ToArray();
        var span = made.Count == 0 ? TimeSpan.Zero : received.Values.Max() - made.Values.Min();
        var run = new PingRun(sent.Length, received.Count, made.Count / Math.Max(span.TotalSeconds, 0.001),
            sent.Length / sendTime.TotalSeconds,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99), await RelayShareAsync(connection, since));
        Console.WriteLine($"   pings: {run}");
        return run;
    }

    /// <summary>Where the time goes: the relay's half (outbox row written → published with confirm), from the outbox itself.</summary>
    private static async Task<string> RelayShareAsync(NpgsqlConnection connection, DateTimeOffset since)
    {
        await using var split = new NpgsqlCommand("""
            SELECT count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at) * 1000),
                   percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - created_at) * 1000),
                   extract(epoch FROM max(published_at) - min(created_at)),
                   count(DISTINCT published_at),
                   (SELECT count(DISTINCT received_at) FROM pairing.received_pings WHERE received_at >= $1)
            FROM volunteers.outbox_messages WHERE message_type LIKE '%ServicePinged%' AND created_at >= $1 AND published_at IS NOT NULL
            """, connection);
        split.Parameters.Add(new NpgsqlParameter { Value = since });
        await using var reader = await split.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || reader.GetInt64(0) == 0) return "";
        return string.Create(CultureInfo.InvariantCulture,
            $"relay: {reader.GetInt64(0) / Math.Max(Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture), 0.001):F0} "
            + $"ev/s published, commit→published p50 {reader.GetDouble(1):F0} ms, p99 {reader.GetDouble(2):F0} ms, "
            + $"{(double)reader.GetInt64(0) / Math.Max(reader.GetInt64(4), 1):F0} per relay batch, "
            + $"{(double)reader.GetInt64(0) / Math.Max(reader.GetInt64(5), 1):F0} per consumer batch");
    }

    private sealed record PingRun(int Sent, int Received, double Rate, double SendRate, double P50, double P99, string Relay)
    {
        public override string ToString() =>
            $"{Sent} sent at {SendRate:F0}/s, {Received} consumed, {Rate:F0} ev/s end to end, "
            + $"propagation p50 {P50:F0} ms, p99 {P99:F0} ms; {Relay}";
    }
}

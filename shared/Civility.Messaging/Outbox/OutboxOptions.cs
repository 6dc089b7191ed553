namespace Civility.Messaging.Outbox;

public sealed class OutboxOptions
{
    /// <summary>How often the relay looks for rows when nothing woke it (another replica's commit, a missed signal).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long a publish may wait for the broker's confirm before the batch is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Failed publishes of one row, while the broker took the rows beside it (or the row itself cannot be read),
    /// after which the row is parked and the relay goes on without it.
    /// </summary>
    public int ParkAfterAttempts { get; set; } = 10;

    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Published rows are kept this long (for audit and replay), then deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}

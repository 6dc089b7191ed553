using Civility.Domain.Time;
namespace Civility.ServiceDefaults.Time;

/// <summary>
/// The system clock moved by a fixed offset, so that a whole stack can live at another date for a test (next year,
/// the turn of a year) while it runs in real time: timers and stopwatches are the system's own.
/// </summary>
public sealed class ShiftedTimeProvider(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public TimeSpan Offset { get; } = offset;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + Offset;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => CountyClock.TimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);
}

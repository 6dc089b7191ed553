namespace Civility.Messaging.Diagnostics;

/// <summary>A ping another service raised and this one consumed: proof that the event path works end to end.</summary>
public sealed class ReceivedPing
{
    private ReceivedPing() { }

    public ReceivedPing(Guid pingId, string fromService, string note, DateTimeOffset receivedAt)
    {
        PingId = pingId;
        FromService = fromService;
        Note = note;
        ReceivedAt = receivedAt;
    }

    public long Id { get; private set; }

    public Guid PingId { get; private set; }

    public string FromService { get; private set; } = "";

    public string Note { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }
}

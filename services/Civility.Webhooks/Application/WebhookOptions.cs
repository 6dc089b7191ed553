namespace Civility.Webhooks.Application;

/// <summary>Configuration section <c>Webhooks</c>: how deliveries are retried, paused and where they may go.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// The waits after the 1st, 2nd … failed attempt of a delivery, unless configured: 25 h 51 min in all, so a receiver
    /// away for a day still gets the event; after the last the delivery is given up (kept, as failed).
    /// </summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4),
        TimeSpan.FromHours(6), TimeSpan.FromHours(6), TimeSpan.FromHours(6),
    ];

    /// <summary>
    /// <c>Webhooks:RetryDelays:0 = 00:00:10</c> …; null unless configured (the configuration binder adds configured
    /// items to those a property already holds).
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    /// <summary>Failed attempts in a row (over all its deliveries) that pause a subscription.</summary>
    public int PauseAfterConsecutiveFailures { get; set; } = 25;

    /// <summary>
    /// Host names a target may have: <c>hooks.partner.example</c>, or <c>*.partner.example</c> for any name below it.
    /// None configured: any host, as long as its addresses pass the checks below.
    /// </summary>
    public string[]? AllowedHosts { get; set; }

    /// <summary>Targets may be plain <c>http</c> (development and tests); otherwise <c>https</c> only.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Targets may be loopback, link-local, private (RFC 1918, IPv6 unique local), shared (CGNAT), multicast or
    /// unspecified addresses. Development and tests only: the service refuses to start with it anywhere else.
    /// </summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How long an attempt may take, connection and answer together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a worker with nothing to do looks for due deliveries (a new event wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Deliveries sent at once by one replica, each to another subscription.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;

    /// <summary>How long the secret before a rotation still signs beside the new one.</summary>
    public TimeSpan SecretRotationOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The retry delays in force: the configured ones, or <see cref="DefaultRetryDelays"/>.</summary>
    public IReadOnlyList<TimeSpan> Retries => RetryDelays is { Length: > 0 } configured ? configured : DefaultRetryDelays;

    /// <summary>How long a worker holds a delivery it claimed: past it (the worker died), another takes it.</summary>
    public TimeSpan Lease => Timeout + TimeSpan.FromSeconds(30);
}

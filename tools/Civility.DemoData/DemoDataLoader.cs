using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Civility.Domain.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Civility.DemoData;

/// <summary>
/// Loads the demo data set through the public HTTP APIs, as a county system would: through the gateway, with the
/// admin client's token. Loaded once: the loader first looks for its marker (unit <c>DEMO-HOSP</c> and, written
/// last, the lecture-tour commendation) and does nothing if both are there. A load that stopped half-way is
/// completed: every step looks for what it would create (or takes a 409 "exists" as found) before creating it.
/// </summary>
public sealed partial class DemoDataLoader
{
    private readonly GatewayApi _api;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, int> _created = [];
    private readonly List<string> _warnings = [];

    /// <param name="gateway">An HTTP client whose base address is the gateway.</param>
    /// <param name="clientId">An OAuth2 client allowed everything (the development admin client, <c>civility-admin</c>).</param>
    /// <param name="clientSecret">Its secret.</param>
    /// <param name="logger">Where progress goes (optional).</param>
    /// <param name="clock">The stack's clock (a test may run the stack at another date); the system's by default.</param>
    public DemoDataLoader(HttpClient gateway, string clientId, string clientSecret, ILogger? logger = null, TimeProvider? clock = null)
        : this(gateway, ct => GatewayApi.ClientCredentialsTokenAsync(gateway, clientId, clientSecret, ct), logger, clock)
    {
    }

    /// <param name="gateway">An HTTP client whose base address is the gateway.</param>
    /// <param name="tokenProvider">Gives an admin access token; asked again when a token is refused.</param>
    /// <param name="logger">Where progress goes (optional).</param>
    /// <param name="clock">The stack's clock (a test may run the stack at another date); the system's by default.</param>
    public DemoDataLoader(
        HttpClient gateway, Func<CancellationToken, Task<string>> tokenProvider, ILogger? logger = null, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(gateway.BaseAddress, nameof(gateway));
        _api = new GatewayApi(gateway, tokenProvider);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Every citizen ID number the data set uses (all synthetic): none may ever be shown in clear.</summary>
    public static IReadOnlyCollection<string> IdNumbers { get; } = [.. DemoDataSet.IdNumbers];

    /// <summary>The unit codes of the data set (<c>DEMO-HOSP</c>, …).</summary>
    public static IReadOnlyList<string> UnitCodes { get; } = [.. DemoDataSet.Units.Select(u => u.Code)];

    /// <summary>
    /// The day the data set is built around: the day unit DEMO-HOSP was registered (county time), so that a load
    /// completed on a later day plans the same dates.
    /// </summary>
    private DateOnly Anchor { get; set; }

    private int Year => Anchor.Year;

    public async Task<DemoLoadResult> LoadAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        _api.Requests = 0;
        _created.Clear();
        _warnings.Clear();
        var units = (await _api.ReadAsync("/api/volunteers/units", cancellationToken)).EnumerateArray().ToList();
        var markerUnit = units.Any(u => u.Str("code") == DemoDataSet.MarkerUnit);
        if (markerUnit && await IsCompleteAsync(cancellationToken))
        {
            _logger.LogInformation("Demo data already loaded (unit {Unit} and the final commendation are there): nothing to do",
                DemoDataSet.MarkerUnit);
            return new DemoLoadResult(true, false, clock.Elapsed, new Dictionary<string, int>(), [], new Dictionary<string, TimeSpan>(),
                _api.Requests);
        }
        if (markerUnit)
            _logger.LogWarning("Unit {Unit} exists but the demo data set is incomplete: an earlier load stopped half-way; completing it",
                DemoDataSet.MarkerUnit);
        else _logger.LogInformation("Loading the demo data set through {Gateway}", _api.BaseAddress);

        var phases = new Dictionary<string, TimeSpan>();
        async Task Phase(string area, Func<Task> load)
        {
            var started = clock.Elapsed;
            await load();
            phases[area] = clock.Elapsed - started;
            _logger.LogInformation("Demo data: {Area} done in {Seconds:0.0} s", area, phases[area].TotalSeconds);
        }
        VolunteerIds volunteers = null!;
        await Phase("volunteers", async () => volunteers = await LoadVolunteersAsync(cancellationToken));
        await Phase("pairing", () => LoadPairingAsync(volunteers, cancellationToken));
        await Phase("credit", () => LoadCreditAsync(cancellationToken));
        await Phase("moral", () => LoadMoralModelsAsync(cancellationToken));
        await Phase("events", () => AwaitEventsAsync(volunteers, cancellationToken));

        var result = new DemoLoadResult(false, markerUnit, clock.Elapsed, new Dictionary<string, int>(_created), [.. _warnings], phases,
            _api.Requests);
        _logger.LogInformation("{Summary}", result.Summary());
        return result;
    }

    private async Task<bool> IsCompleteAsync(CancellationToken ct) =>
        (await _api.ReadAllAsync("/api/moral-models/commendations", ct))
        .Any(c => c.Str("title").EndsWith(DemoDataSet.FinalCommendationSuffix, StringComparison.Ordinal));

    /// <summary>
    /// The effects that travel by event: the free clinic's hours reach the volunteer service (李建国's first star),
    /// and each commended model gets a red-list proposal. Waited for (a minute at most) so that the data set is whole
    /// when the loader reports.
    /// </summary>
    private async Task AwaitEventsAsync(VolunteerIds volunteers, CancellationToken ct)
    {
        var star = volunteers.ByName["李建国"];
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var volunteer = await _api.ReadAsync($"/api/volunteers/{star}", ct);
            var redProposals = 0;
            foreach (var name in CommendedPeople)
            {
                var subjects = await _api.ReadAllAsync($"/api/credit/subjects?name={Uri.EscapeDataString(name)}", ct);
                foreach (var subject in subjects.Where(s => s.Str("kind") == "person"))
                    if ((await _api.ReadAllAsync($"/api/credit/entries?subjectId={subject.Id()}&listType=red", ct)).Count > 0)
                        redProposals++;
            }
            if (volunteer.GetProperty("stars").GetInt32() >= 1 && redProposals >= CommendedPeople.Length)
            {
                _logger.LogInformation(
                    "Events arrived: 李建国 has {Hours} approved hours (1 star); {Count} red-list proposals for the commended models",
                    volunteer.GetProperty("approvedHours").GetDecimal(), redProposals);
                return;
            }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                Warn("The events of the load had not all arrived after a minute (star level, red-list proposals); "
                    + "they will when the services catch up.");
                return;
            }
            await Task.Delay(500, ct);
        }
    }

    private void Count(string what, int n = 1)
    {
        if (n > 0) _created[what] = _created.GetValueOrDefault(what) + n;
    }

    private void Warn(string warning)
    {
        _warnings.Add(warning);
        _logger.LogWarning("{Warning}", warning);
    }

    /// <summary>A 422 (a rule refused it) on a re-run is expected for steps whose moment has passed; on a first load it is not.</summary>
    private void Tolerate(ApiReply reply, string what)
    {
        if (reply.Is(HttpStatusCode.OK, HttpStatusCode.Created)) return;
        if (reply.Is(HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity))
        {
            Warn($"{what}: {(int)reply.Status} {Title(reply)}");
            return;
        }
        reply.Expect(HttpStatusCode.OK, HttpStatusCode.Created);
    }

    private static string Title(ApiReply reply)
    {
        try
        {
            return reply.Json.TryGetProperty("title", out var title) ? title.GetString() ?? reply.Text : reply.Text;
        }
        catch (JsonException)
        {
            return reply.Text;
        }
    }

    /// <summary>A date of the demo year: <paramref name="days"/> from the anchor, never before 1 January.</summary>
    private DateOnly Day(int days)
    {
        var day = Anchor.AddDays(days);
        var yearStart = new DateOnly(Year, 1, 1);
        return days < 0 && day < yearStart ? yearStart : day;
    }

    private DateOnly CountyToday() => _clock.CountyToday();
}

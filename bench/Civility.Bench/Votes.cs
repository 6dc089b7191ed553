using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civility.Bench;

/// <summary>
/// Distinct citizens voting on one nomination, concurrently and anonymously, through the gateway, each with the
/// one-time code their phone received (asked for beforehand, not timed: a code is one request per voter, the vote
/// the load a nomination takes at its peak); then each of the first voters votes again with their spent code, and the
/// tally must equal the votes accepted.
/// </summary>
internal static class Votes
{
    public static async Task RunAsync(BenchContext context)
    {
        var run = await MeasureAsync(context);
        var met = run.Rps >= 1_000 && run.Doubles == 0 && run.RepeatsAccepted == 0;
        context.Report.Add("Votes", run.Setup, run.Figure, "—", run.Check, "≥ 1,000/s, 0 double counts", met);
    }

    /// <summary>One measured run on the context's stack (its own round and nomination): the rate and the counts.</summary>
    public static async Task<VoteRun> MeasureAsync(BenchContext context)
    {
        var workers = context.Options.Workers;
        var voters = context.Options.Quick ? 2_000 : 20_000;
        var sms = context.Stack.Sms;
        async Task<Func<int, HttpRequestMessage>> VotesFor(Guid nominationId)
        {
            var codes = await Load.RunAsync(context.Anonymous,
                n => new HttpRequestMessage(HttpMethod.Post, $"/api/moral-models/public/nominations/{nominationId}/vote-codes")
                {
                    Content = JsonContent.Create(new { phone = Synthetic.Phone(n) }),
                }, workers, TimeSpan.FromMinutes(10), voters, r => r.StatusCode == HttpStatusCode.Accepted);
            Console.WriteLine($"   codes sent beforehand (not timed) {codes}");
            if (codes.Failed > 0) throw new InvalidOperationException($"{codes.Failed} code requests failed.");
            return n => new HttpRequestMessage(HttpMethod.Post, $"/api/moral-models/public/nominations/{nominationId}/votes")
            {
                Content = JsonContent.Create(new
                {
                    voterName = $"Voter {n}", idNumber = Synthetic.CitizenId(n), phone = Synthetic.Phone(n),
                    code = sms.CodeFor(Synthetic.Phone(n)),
                }),
            };
        }
        // Warm-up on a nomination of its own, not counted: a service that has just started runs its code unoptimized
        // for the first tens of seconds (tiered compilation), and the figure is the sustained rate.
        var warmUp = await Load.RunAsync(context.Anonymous,
            await VotesFor(await NominationOpenForVotesAsync(context.Gateway, "Bench warm-up round")), workers,
            TimeSpan.FromSeconds(context.Options.Quick ? 3 : 10), voters, r => r.StatusCode == HttpStatusCode.Created);
        Console.WriteLine($"   warm-up {warmUp}");
        var nominationId = await NominationOpenForVotesAsync(context.Gateway, "Bench round");
        var vote = await VotesFor(nominationId);
        var result = await Load.RunAsync(context.Anonymous, vote, workers,
            TimeSpan.FromSeconds(Math.Max(5, context.Options.LoadSeconds * 2)), voters, r => r.StatusCode == HttpStatusCode.Created);
        Console.WriteLine($"   votes {result}");
        // The first voters (by number, up to 500) vote again with their code, now spent: each must be refused.
        var again = await Load.RunAsync(context.Anonymous, vote, workers, TimeSpan.FromSeconds(10), Math.Min(result.Ok, 500),
            r => r.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity);
        var tally = await context.Gateway.GetFromJsonAsync<JsonElement>($"/api/moral-models/nominations/{nominationId}/tally");
        var counted = tally.GetProperty("votes").GetInt64();
        var doubles = counted - result.Ok;
        Console.WriteLine($"   tally {counted}, accepted {result.Ok}, second votes refused {again.Ok} of {again.Ok + again.Failed}");
        return new VoteRun(result.Rps, doubles, again.Failed,
            $"POST /public/nominations/{{id}}/votes via gateway with one-time codes, {result.Ok + result.Failed:N0} distinct voters, "
            + $"{workers} concurrent; then {again.Ok + again.Failed} repeat votes",
            $"{result.Rps:F0} votes/s (p50 {result.Percentile(50):F1} ms, p99 {result.Percentile(99):F1} ms)",
            $"tally {counted} = accepted {result.Ok} (double counts {doubles}); repeats refused {again.Ok}/{again.Ok + again.Failed}");
    }

    internal sealed record VoteRun(double Rps, long Doubles, long RepeatsAccepted, string Setup, string Figure, string Check);

    /// <summary>A round whose voting window is open now, and one nomination in it.</summary>
    private static async Task<Guid> NominationOpenForVotesAsync(HttpClient gateway, string roundName)
    {
        var now = DateTimeOffset.UtcNow;
        using var round = await gateway.PostAsJsonAsync("/api/moral-models/rounds", new
        {
            // A name of its own each time (a stack may run the votes more than once), in the county's year.
            name = $"{roundName} {Guid.NewGuid().ToString("N")[..8]}", year = Synthetic.CountyToday().Year, publicityDays = 7,
            votingOpensAt = now.AddMinutes(-5), votingClosesAt = now.AddHours(2),
        });
        var roundText = await round.Content.ReadAsStringAsync();
        if (!round.IsSuccessStatusCode) throw new InvalidOperationException($"Round: {(int)round.StatusCode} {roundText}");
        var roundId = JsonDocument.Parse(roundText).RootElement.GetProperty("id").GetGuid();
        using var nominated = await gateway.PostAsJsonAsync("/api/moral-models/nominations", new
        {
            roundId, category = "good-person", goodPersonKind = "helping-others", nomineeKind = "person", nomineeName = "Bench Nominee",
            idNumber = Synthetic.CitizenId(700_000), unitCode = "BENCH-00", deeds = "Carried patients through the flood.",
        });
        var nominatedText = await nominated.Content.ReadAsStringAsync();
        if (!nominated.IsSuccessStatusCode) throw new InvalidOperationException($"Nomination: {(int)nominated.StatusCode} {nominatedText}");
        return JsonDocument.Parse(nominatedText).RootElement.GetProperty("id").GetGuid();
    }
}

using Civility.Hosting;
using Civility.Hosting.Http;
using Civility.MoralModels.Application.Voting;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.MoralModels.Endpoints;

/// <summary>
/// Public real-name voting (实名投票); the insert path is <see cref="VoteBallot"/>, one round trip per vote. In a round
/// that verifies by <see cref="VoteVerification.OneTimeCode"/> (the default) the voter first asks for a code sent to
/// their mobile number, then votes with it: one vote per ID number and one per phone.
/// </summary>
public static class VotingApi
{
    public sealed record CastVoteRequest(string? VoterName, string? IdNumber, string? Phone, string? Code);

    public sealed record VoteCodeRequest(string? Phone);

    /// <summary>Says only that a code is on its way; never whether this phone has voted.</summary>
    public sealed record VoteCodeResponse(Guid NominationId, string Phone, int ValidForSeconds, int ResendAfterSeconds);

    public sealed record VoteResponse(Guid NominationId, DateTimeOffset CastAt);

    public sealed record TallyResponse(Guid NominationId, string NomineeName, NominationCategory Category, long? Votes);

    public sealed record RoundTallyResponse(Guid RoundId, long? TotalVotes, PagedResult<TallyResponse> Nominations);

    public static RouteGroupBuilder MapVotingApi(this RouteGroupBuilder api)
    {
        api.MapPost("/public/nominations/{id:guid}/vote-codes", SendCodeAsync).WithTags("Public")
            .WithSummary("Send a one-time voting code to a mobile number (anonymous)").AllowAnonymous()
            .WithPublicLimits(PublicLimits.VoteCodes);
        api.MapPost("/public/nominations/{id:guid}/votes", CastAsync).WithTags("Public")
            .WithSummary("Cast a real-name vote (anonymous) with the code: one per person and per phone per nomination").AllowAnonymous()
            .WithPublicLimits(PublicLimits.Votes);
        api.MapGet("/nominations/{id:guid}/tally", NominationTallyAsync).WithTags("Voting")
            .WithSummary("Votes for one nomination (hidden from a reviewer who has not scored it)").RequireScope(CivilityScopes.MoralRead);
        api.MapGet("/rounds/{id:guid}/tally", RoundTallyAsync).WithTags("Voting")
            .WithSummary("Votes per nomination of a round, most first").RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Accepted<VoteCodeResponse>, ValidationProblem, ProblemHttpResult>> SendCodeAsync(
        Guid id, VoteCodeRequest request, HttpContext http, SendVoteCode send, PublicLimits limits, CancellationToken ct)
    {
        var check = new RequestValidator();
        var phone = check.MobilePhone("phone", request.Phone);
        if (!check.IsValid) return check.Problem();

        switch (await send.ExecuteAsync(id, phone!, ct))
        {
            case VoteCodeThrottled throttled:
                // The per-phone throttle is kept in the database; it is counted with the public limits it belongs to.
                limits.CountThrottled(PublicLimits.VoteCodes, PublicLimits.ByPhone);
                return PublicLimits.TooManyRequests(http, throttled.RetryAfter, "A code was sent to this phone a moment ago.");
            case VoteCodeNotSent notSent:
                return TypedResults.Problem(title: "The code could not be sent.", detail: $"{notSent.Reason} Ask again in a minute.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            case VoteCodeSent sent:
                return TypedResults.Accepted((string?)null, new VoteCodeResponse(id, sent.MaskedPhone, (int)sent.ValidFor.TotalSeconds,
                    (int)sent.ResendAfter.TotalSeconds));
            case var other:
                throw new InvalidOperationException($"Unexpected outcome of a code request: {other}.");
        }
    }

    private static async Task<Results<Created<VoteResponse>, ValidationProblem>> CastAsync(
        Guid id, CastVoteRequest request, CastVote cast, CancellationToken ct)
    {
        var check = new RequestValidator();
        check.Text("voterName", request.VoterName, 100);
        var idNumber = check.CitizenId("idNumber", request.IdNumber);
        var phone = check.MobilePhone("phone", request.Phone, required: false);
        var code = request.Code?.Trim() ?? "";
        check.Check(code.Length == 0 || (code.Length == 6 && code.All(char.IsAsciiDigit)), "code", "The 6-digit code sent to the phone.");
        if (!check.IsValid) return check.Problem();

        if (await cast.ExecuteAsync(id, idNumber!, phone, code.Length == 0 ? null : code, ct) is BallotCast ballot)
            return TypedResults.Created($"/api/moral-models/nominations/{id}/tally", new VoteResponse(id, ballot.CastAt));
        // The round verifies votes by code, and the voter sent no phone or no code to check.
        const string ask = "This round verifies votes by a code sent to your mobile number: ask for one at vote-codes first.";
        if (phone is null) check.Add("phone", ask);
        if (code.Length == 0) check.Add("code", ask);
        return check.Problem();
    }

    private static async Task<Ok<TallyResponse>> NominationTallyAsync(Guid id, TallyNomination tally, CancellationToken ct) =>
        TypedResults.Ok(ToResponse(await tally.ExecuteAsync(id, ct)));

    private static async Task<Results<Ok<RoundTallyResponse>, ValidationProblem>> RoundTallyAsync(
        Guid id, TallyRound tally, int? page, int? pageSize, CancellationToken ct)
    {
        var check = new RequestValidator();
        var paging = check.Paging(page, pageSize);
        if (!check.IsValid) return check.Problem();
        var round = await tally.ExecuteAsync(id, paging, ct);
        var nominations = round.Nominations;
        return TypedResults.Ok(new RoundTallyResponse(round.RoundId, round.TotalVotes, new PagedResult<TallyResponse>(
            nominations.Items.Select(ToResponse).ToList(), nominations.Page, nominations.PageSize, nominations.Total)));
    }

    private static TallyResponse ToResponse(Tally t) => new(t.NominationId, t.NomineeName, t.Category, t.Votes);
}

using Civility.Hosting.Http;
using Civility.MoralModels.Application.Reviews;
using Civility.MoralModels.Domain;
using Civility.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civility.MoralModels.Endpoints;

/// <summary>Review (评审): a round's panel scores nominations under review, blind to others until they have scored.</summary>
public static class ReviewsApi
{
    public sealed record AddReviewerRequest(string? ClientId, string? DeclaredUnitCode);

    public sealed record ReviewerResponse(Guid Id, Guid RoundId, string ClientId, string? DeclaredUnitCode, DateTimeOffset AddedAt);

    public sealed record ScoreItem(string? Criterion, int? Score, string? Reason);

    public sealed record SubmitScoresRequest(List<ScoreItem>? Scores);

    public sealed record ScoreResponse(
        string ReviewerClientId, IReadOnlyList<CriterionScore> Scores, double Total, DateTimeOffset SubmittedAt);

    /// <summary>
    /// What a reviewer sees: before scoring only their own (nothing); after, every score and the vote tally. Anyone
    /// else outside the panel (an admin excepted) sees no scores until the nomination's review is over.
    /// <c>scoresHidden</c>: scores may exist that this caller may not see yet.
    /// </summary>
    public sealed record ReviewViewResponse(Guid NominationId, bool OwnScoreSubmitted, IReadOnlyList<ScoreResponse> Scores, long? Votes,
        bool ScoresHidden);

    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/rounds/{id:guid}/reviewers", AddReviewerAsync).WithTags("Review")
            .WithSummary("Add a reviewer to the round's panel, with their declared unit").RequireScope(CivilityScopes.Admin);
        api.MapPost("/nominations/{id:guid}/scores", SubmitAsync).WithTags("Review")
            .WithSummary("Score a nomination under review (0–10 per criterion)").RequireScope(CivilityScopes.MoralWrite);
        api.MapGet("/nominations/{id:guid}/scores", ViewAsync).WithTags("Review")
            .WithSummary("Scores and tally: a reviewer sees them only after scoring, others once review is over")
            .RequireScope(CivilityScopes.MoralRead);
        return api;
    }

    private static async Task<Results<Created<ReviewerResponse>, ValidationProblem>> AddReviewerAsync(
        Guid id, AddReviewerRequest request, AddReviewer add, CancellationToken ct)
    {
        var check = new RequestValidator();
        var clientId = check.Text("clientId", request.ClientId, 100);
        var unit = check.OptionalText("declaredUnitCode", request.DeclaredUnitCode, 32)?.ToUpperInvariant();
        if (!check.IsValid) return check.Problem();
        var reviewer = await add.ExecuteAsync(id, clientId, unit, ct);
        return TypedResults.Created($"/api/moral-models/rounds/{id}/reviewers/{reviewer.Id}",
            new ReviewerResponse(reviewer.Id, id, clientId, unit, reviewer.AddedAt));
    }

    private static async Task<Results<Created<ScoreResponse>, ValidationProblem>> SubmitAsync(
        Guid id, SubmitScoresRequest request, SubmitScores submit, CancellationToken ct)
    {
        var check = new RequestValidator();
        var scores = new List<CriterionScore>();
        if (request.Scores is not { Count: > 0 }) check.Add("scores", "Score every criterion: deeds, influence, exemplarity.");
        for (var i = 0; i < (request.Scores?.Count ?? 0); i++)
        {
            var item = request.Scores![i];
            var criterion = check.Enum<ReviewCriterion>($"scores[{i}].criterion", item.Criterion);
            var score = check.Range($"scores[{i}].score", item.Score, 0, 10);
            var reason = check.OptionalText($"scores[{i}].reason", item.Reason, 1000);
            // The extremes need a written justification (满分/零分须说明理由).
            if (score is 0 or 10 && reason is null) check.Add($"scores[{i}].reason", "A score of 0 or 10 needs a written reason.");
            if (criterion is { } c && score is { } s) scores.Add(new CriterionScore(c, s, reason));
        }
        if (!check.IsValid) return check.Problem();
        var review = await submit.ExecuteAsync(id, scores, ct);
        return TypedResults.Created($"/api/moral-models/nominations/{id}/scores", ToResponse(review));
    }

    private static async Task<Ok<ReviewViewResponse>> ViewAsync(Guid id, ViewScores view, CancellationToken ct)
    {
        var seen = await view.ExecuteAsync(id, ct);
        return TypedResults.Ok(new ReviewViewResponse(id, seen.OwnScoreSubmitted, seen.Scores.Select(ToResponse).ToList(), seen.Votes,
            seen.ScoresHidden));
    }

    private static ScoreResponse ToResponse(ReviewScore s) => new(s.ReviewerClientId, s.Scores, s.Total, s.SubmittedAt);
}

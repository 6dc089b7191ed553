using Civility.Domain;

namespace Civility.MoralModels.Domain;

public enum ReviewCriterion
{
    Deeds,       // 事迹真实感人
    Influence,   // 社会影响
    Exemplarity, // 示范引领
}

/// <summary>
/// A member of a round's review panel, with the unit they declared (利益冲突申报): they are excluded from every
/// nomination of that unit.
/// </summary>
public sealed class RoundReviewer
{
    private RoundReviewer() { }

    public RoundReviewer(Guid roundId, string clientId, string? declaredUnitCode, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        RoundId = roundId;
        ClientId = clientId;
        DeclaredUnitCode = declaredUnitCode;
        AddedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid RoundId { get; private set; }

    public string ClientId { get; private set; } = "";

    public string? DeclaredUnitCode { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public bool HasConflictWith(Nomination nomination) =>
        DeclaredUnitCode is not null && string.Equals(DeclaredUnitCode, nomination.UnitCode, StringComparison.OrdinalIgnoreCase);
}

public sealed record CriterionScore(ReviewCriterion Criterion, int Score, string? Reason);

/// <summary>One reviewer's scores for one nomination: 0–10 per criterion, a written reason for the extremes.</summary>
public sealed class ReviewScore
{
    private ReviewScore() { }

    public ReviewScore(Nomination nomination, RoundReviewer reviewer, IReadOnlyList<CriterionScore> scores, DateTimeOffset now)
    {
        if (reviewer.RoundId != nomination.RoundId) throw DomainRuleException.Rule("This reviewer is not on this round's panel.");
        if (reviewer.HasConflictWith(nomination))
            throw DomainRuleException.Rule("Conflict of interest: a reviewer does not score a nomination of their own unit.",
                $"The reviewer declared unit {reviewer.DeclaredUnitCode}.");
        if (nomination.Status != NominationStatus.UnderReview)
            throw DomainRuleException.Rule("Scores are given while the nomination is under review.",
                $"It is {KebabName.Of(nomination.Status)}.");
        var missing = Enum.GetValues<ReviewCriterion>().Except(scores.Select(s => s.Criterion)).ToList();
        if (missing.Count > 0 || scores.Count != Enum.GetValues<ReviewCriterion>().Length)
            throw DomainRuleException.Rule("Score every criterion once.",
                $"Criteria: {string.Join(", ", Enum.GetValues<ReviewCriterion>().Select(c => KebabName.Of(c)))}.");
        Id = Guid.CreateVersion7();
        NominationId = nomination.Id;
        RoundId = nomination.RoundId;
        ReviewerClientId = reviewer.ClientId;
        Scores = [.. scores];
        SubmittedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid NominationId { get; private set; }

    public Guid RoundId { get; private set; }

    public string ReviewerClientId { get; private set; } = "";

    public List<CriterionScore> Scores { get; private set; } = [];

    public DateTimeOffset SubmittedAt { get; private set; }

    public double Total => Scores.Sum(s => s.Score);
}

/// <summary>Blind review (盲评): while a nomination is being reviewed, its scores and who gave them are the panel's.</summary>
public static class BlindReview
{
    /// <summary>
    /// Whether the nomination's review is still ahead or going on: nominated or under review, or suspended from either
    /// (it resumes there). Once it has moved on (publicity, selected, rejected…) the review is over.
    /// </summary>
    public static bool IsOpen(Nomination nomination) =>
        (nomination.Status == NominationStatus.Suspended ? nomination.ResumeTo ?? NominationStatus.Nominated : nomination.Status)
            is NominationStatus.Nominated or NominationStatus.UnderReview;
}

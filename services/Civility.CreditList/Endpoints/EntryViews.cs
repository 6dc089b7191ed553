using Civility.CreditList.Domain;
using Civility.CreditList.Domain.Calendar;
using Civility.Domain;
using Civility.Hosting.Http;

namespace Civility.CreditList.Endpoints;

public sealed record TransitionResponse(
    long Sequence, string Action, string From, string To, string Actor, string? Reason, DateTimeOffset At);

/// <summary>The internal view of an entry, for the departments: everything, internal note and history included.</summary>
public sealed record EntryResponse(
    Guid Id, SubjectsApi.SubjectResponse Subject, string ListType, string? Tier, string Law, string Article, string Facts,
    string DecisionNumber, string DecidingDepartment, DateOnly ListingDate, DateOnly PublishedFrom, DateOnly PublishedUntil,
    string Status, DateOnly? StatementDeadline, bool StatementDeadlineProvisional, bool UnderObjection, bool FormerlyListed,
    string? InternalNote, IReadOnlyList<string> AllowedActions, IReadOnlyList<TransitionResponse> History);

/// <summary>A calendar year a deadline was counted through, and whether its days were official or provisional then.</summary>
public sealed record CalendarYearUsed(int Year, string Calendar)
{
    public static IReadOnlyList<CalendarYearUsed> Of(DeadlineCount count) =>
        [.. count.CalendarYears.Select(y => new CalendarYearUsed(y, KebabName.Of(count.StatusOf(y))))];
}

internal static class EntryViews
{
    /// <summary>The entry as a department reads it; it comes with its subject and history loaded.</summary>
    public static EntryResponse ToResponse(ListEntry e) => new(
        e.Id, SubjectsApi.ToResponse(e.Subject), KebabName.Of(e.ListType), e.Tier is { } tier ? KebabName.Of(tier) : null, e.LegalBasisLaw,
        e.LegalBasisArticle, e.Facts, e.DecisionNumber, e.DecidingDepartment, e.ListingDate, e.PublishedFrom, e.PublishedUntil,
        KebabName.Of(e.Status), e.StatementDeadline, e.StatementDeadlineCount?.Provisional ?? false, e.UnderObjection, e.FormerlyListed,
        e.InternalNote, ListEntry.AllowedActions(e.Status),
        e.History.OrderBy(t => t.At).ThenBy(t => t.Sequence)
            .Select(t => new TransitionResponse(t.Sequence, t.Action, KebabName.Of(t.From), KebabName.Of(t.To), t.Actor, t.Reason, t.At))
            .ToList());

    /// <summary>Reads the fields of a change to an entry's decision (an amendment, or a correction after an objection).</summary>
    public static (string? Facts, string? DecisionNumber, LegalBasis? Basis) AmendmentFields(
        this RequestValidator v, string? facts, string? decisionNumber, string? law, string? article)
    {
        var basis = law is null && article is null ? null : new LegalBasis(v.Text("law", law, 200), v.Text("article", article, 100));
        return (v.OptionalText("facts", facts, 4000), v.OptionalText("decisionNumber", decisionNumber, 100), basis);
    }
}

using Civility.CreditList.Data;
using Civility.CreditList.Domain;
using Civility.CreditList.Domain.Calendar;
using Civility.Hosting.Http;
using Microsoft.EntityFrameworkCore;
using Civility.Domain;

namespace Civility.CreditList.Endpoints;

public sealed record TransitionResponse(long Sequence, string Action, string From, string To, string Actor, string? Reason, DateTimeOffset At);

/// <summary>The internal view of an entry, for the departments: everything, internal note and history included.</summary>
public sealed record EntryResponse(
    Guid Id, SubjectsApi.SubjectResponse Subject, string ListType, string? Tier, string Law, string Article, string Facts,
    string DecisionNumber, string DecidingDepartment, DateOnly ListingDate, DateOnly PublishedFrom, DateOnly PublishedUntil,
    string Status, DateOnly? StatementDeadline, bool StatementDeadlineProvisional, bool UnderObjection, bool FormerlyListed, string? InternalNote,
    IReadOnlyList<string> AllowedActions, IReadOnlyList<TransitionResponse> History);

/// <summary>A calendar year a deadline was counted through, and whether its days were official or provisional then.</summary>
public sealed record CalendarYearUsed(int Year, string Calendar)
{
    public static IReadOnlyList<CalendarYearUsed> Of(DeadlineCount count) =>
        [.. count.CalendarYears.Select(y => new CalendarYearUsed(y, KebabName.Of(count.StatusOf(y))))];
}

internal static class EntryViews
{

    public static EntryResponse ToResponse(ListEntry e, CreditSubject subject) => new(
        e.Id, SubjectsApi.ToResponse(subject), KebabName.Of(e.ListType), e.Tier is { } tier ? KebabName.Of(tier) : null, e.LegalBasisLaw,
        e.LegalBasisArticle, e.Facts, e.DecisionNumber, e.DecidingDepartment, e.ListingDate, e.PublishedFrom, e.PublishedUntil,
        KebabName.Of(e.Status), e.StatementDeadline, e.StatementDeadlineCount?.Provisional ?? false, e.UnderObjection, e.FormerlyListed, e.InternalNote, ListEntry.AllowedActions(e.Status),
        e.History.OrderBy(t => t.At).ThenBy(t => t.Sequence)
            .Select(t => new TransitionResponse(t.Sequence, t.Action, KebabName.Of(t.From), KebabName.Of(t.To), t.Actor, t.Reason, t.At)).ToList());

    /// <summary>The entry (with its history) and its subject, tracked for a change; 404 when there is none.</summary>
    public static async Task<(ListEntry Entry, CreditSubject Subject)> LoadAsync(CreditDbContext db, Guid id, CancellationToken cancellationToken = default)
    {
        var entry = await db.Entries.Include(e => e.History).Include(e => e.Subject).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new DomainRuleException(RuleKind.NotFound, "There is no such entry.");
        return (entry, entry.Subject);
    }
}

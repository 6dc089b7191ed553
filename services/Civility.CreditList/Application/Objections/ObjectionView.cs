using Civility.CreditList.Domain;

namespace Civility.CreditList.Application.Objections;

/// <summary>An objection as read today: whether it is overdue is judged on the county's date of the reading.</summary>
public sealed record ObjectionView(Objection Objection, DateOnly Today)
{
    public bool Overdue => Objection.IsOverdue(Today);
}

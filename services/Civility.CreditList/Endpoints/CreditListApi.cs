using Microsoft.EntityFrameworkCore;

namespace Civility.CreditList.Endpoints;

public static class CreditListApi
{
    /// <summary>Every area of the credit-list API under <c>/api/credit</c>.</summary>
    public static RouteGroupBuilder MapCreditListApi(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(ConcurrentChangeFilter);
        return api.MapSubjectsApi().MapEntriesApi().MapObjectionsApi().MapRepairsApi().MapPublicApi().MapExportApi()
            .MapCalendarApi();
    }

    /// <summary>Two deciders moved the same entry at once: the loser gets 409 and reads it again, never a 500.</summary>
    private static async ValueTask<object?> ConcurrentChangeFilter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: "The record was changed by someone else at the same time.",
                detail: "Read it again and repeat the action if it still applies.", statusCode: StatusCodes.Status409Conflict);
        }
    }
}

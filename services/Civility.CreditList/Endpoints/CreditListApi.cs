namespace Civility.CreditList.Endpoints;

public static class CreditListApi
{
    /// <summary>Every area of the credit-list API under <c>/api/credit</c>.</summary>
    public static RouteGroupBuilder MapCreditListApi(this RouteGroupBuilder api)
    {
        return api.MapSubjectsApi().MapEntriesApi().MapObjectionsApi().MapRepairsApi().MapPublicApi().MapExportApi()
            .MapCalendarApi();
    }

}

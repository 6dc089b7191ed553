using Civility.CreditList.Application.Calendar;
using Civility.CreditList.Endpoints;
using Civility.CreditList.Jobs;
using Civility.Hosting.Jobs;

namespace Civility.CreditList;

public static class CreditListServiceExtensions
{
    /// <summary>
    /// What the credit-list service adds to the shared service set-up (which registers its use cases): its rules, the
    /// working-day calendar's coverage warning, the expiry job and the public query's cache.
    /// </summary>
    public static WebApplicationBuilder AddCreditList(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CreditListOptions>(builder.Configuration.GetSection("CreditList"));
        builder.Services.AddCalendarCoverage();
        builder.Services.AddSingleInstanceJob<ExpiryJob>();
        builder.AddPublicQueryCache();
        return builder;
    }
}

using Civility.Hosting.Jobs;
using Civility.CreditList.Calendar;
using Civility.CreditList.Endpoints;
using Civility.CreditList.Jobs;

namespace Civility.CreditList;

public static class CreditListServiceExtensions
{
    /// <summary>What the credit-list service adds to the shared service set-up: its rules, calendar, expiry job and the public query's cache.</summary>
    public static WebApplicationBuilder AddCreditList(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<CreditListOptions>(builder.Configuration.GetSection("CreditList"));
        builder.Services.AddSingleton(_ => WorkingDayCalendar.LoadFrom(Path.Combine(AppContext.BaseDirectory, "Calendar")));
        builder.Services.AddSingleInstanceJob<ExpiryJob>();
        builder.AddPublicQueryCache();
        return builder;
    }
}

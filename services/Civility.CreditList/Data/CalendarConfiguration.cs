using System.Text.Json;
using System.Text.Json.Serialization;
using Civility.CreditList.Domain.Calendar;
using Civility.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.CreditList.Data;

internal sealed class OfficialCalendarYearConfiguration : IEntityTypeConfiguration<OfficialCalendarYear>
{
    public void Configure(EntityTypeBuilder<OfficialCalendarYear> year)
    {
        year.ToTable("calendar_years");
        year.HasKey(y => y.Year);
        year.Property(y => y.Year).ValueGeneratedNever();
        year.Property(y => y.NoticeNumber).HasMaxLength(100);
        year.Property(y => y.NoticeTitle).HasMaxLength(200);
        year.Property(y => y.LoadedBy).HasMaxLength(100);
        year.Property(y => y.ReplacementReason).HasMaxLength(2000);
        year.Property(y => y.Version).IsRowVersion();
        year.Ignore(y => y.Notice);
        // One row per year: the notice's days travel with it, and the audit trail shows a replacement whole.
        year.Property(y => y.Days).HasField("_days").UsePropertyAccessMode(PropertyAccessMode.Field).HasJsonColumn(CalendarJson.Options);
    }
}

/// <summary>How calendar data is written in jsonb columns: camelCase, kinds kebab-case, as the API shows them.</summary>
internal static class CalendarJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>A deadline's count as one jsonb column beside the deadline itself.</summary>
    public static PropertyBuilder<T> AsDeadlineCount<T>(this PropertyBuilder<T> property) => property.HasJsonColumn(Options);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Civility.Data;

public static class JsonColumnExtensions
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// A value kept whole in one <c>jsonb</c> column (a list of scores, a year's days, how a deadline was counted):
    /// written with <paramref name="options"/> (camelCase by default), compared by its JSON, so a change inside it is
    /// saved and audited like any other column.
    /// </summary>
    public static PropertyBuilder<T> HasJsonColumn<T>(this PropertyBuilder<T> property, JsonSerializerOptions? options = null)
    {
        var json = options ?? WebJson;
        return property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, json),
            v => JsonSerializer.Deserialize<T>(v, json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, json) == JsonSerializer.Serialize(b, json),
                v => JsonSerializer.Serialize(v, json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, json), json)!));
    }
}

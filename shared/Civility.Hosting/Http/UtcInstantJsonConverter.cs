using System.Text.Json;
using System.Text.Json.Serialization;

namespace Civility.Hosting.Http;

/// <summary>
/// Instants arrive with any offset (county systems send Beijing time, +08:00) and are kept in UTC: PostgreSQL's
/// <c>timestamptz</c> through Npgsql takes only offset zero, and one form makes comparisons and answers uniform.
/// </summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime());
}

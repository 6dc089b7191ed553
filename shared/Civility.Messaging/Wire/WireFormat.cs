using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Serialization;
using MassTransit.Serialization.JsonConverters;

namespace Civility.Messaging.Wire;

/// <summary>
/// How events look on the broker, as docs/asyncapi.yaml documents them. MassTransit writes a decimal as a string
/// ("3.00") by default; the document, and any partner in a typed language, expects a JSON number.
/// </summary>
public static class WireFormat
{
    /// <summary>Applies the project's wire rules to MassTransit's serializer options (they are process-wide).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        for (var i = options.Converters.Count - 1; i >= 0; i--)
            if (options.Converters[i] is StringDecimalJsonConverter) options.Converters.RemoveAt(i);
        if (!options.Converters.OfType<NumberDecimalJsonConverter>().Any()) options.Converters.Insert(0, new NumberDecimalJsonConverter());
        return options;
    }

    /// <summary>For a bus being configured: the same rules.</summary>
    public static void UseCivilityWireFormat(this IBusFactoryConfigurator bus) => bus.ConfigureJsonSerializerOptions(Apply);

    /// <summary>MassTransit's serializer options with the rules applied: what the services send with.</summary>
    public static JsonSerializerOptions Options => Apply(SystemTextJsonMessageSerializer.Options);
}

/// <summary>
/// Writes a decimal as a JSON number; reads a number, or a string written by an earlier version (messages still
/// waiting in a queue or a delay queue when this version starts).
/// </summary>
public sealed class NumberDecimalJsonConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Number | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => throw new JsonException($"Expected a number for a decimal, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

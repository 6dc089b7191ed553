using System.Text.Json;
using System.Text.Json.Serialization;
using Civility.ServiceDefaults.Http;

namespace Civility.Hosting.Http;

/// <summary>
/// Every JSON string a service reads passes <see cref="HostileInput"/>; a refused one fails the body's binding with
/// the field's path, which the problem handler answers as a 400 naming it.
/// </summary>
public sealed class SafeStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new RefusedJsonValueException("A string is expected here.");
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new RefusedJsonValueException(HostileInput.SurrogateMessage);
        }
        return HostileInput.Problem(text) is { } problem ? throw new RefusedJsonValueException(problem) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// Lists in requests (arrays, lists, read-only lists and collections of a reference type) hold no <c>null</c>
/// element unless their declared type says so (<c>List&lt;HolidayRequest?&gt;</c>, whose handler reports each
/// element): a handler iterating <c>skills</c> or <c>volunteers</c> may count on each being there. Checked once the
/// object is read, so that the reader's own path to the object stays (<c>volunteers[0]</c>).
/// </summary>
public static class NoNullElements
{
    private static readonly Type[] ListShapes =
    [
        typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>),
        typeof(ICollection<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>),
    ];

    /// <summary>A <see cref="System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver"/> modifier.</summary>
    public static void Modifier(System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object) return;
        var checkedLists = new List<(string Name, Func<object, object?> Get)>();
        foreach (var property in typeInfo.Properties)
        {
            if (property.Get is not { } get || ElementType(property.PropertyType) is not { IsValueType: false }) continue;
            if (property.AttributeProvider is not System.Reflection.PropertyInfo declared) continue;
            var nullability = new System.Reflection.NullabilityInfoContext().Create(declared);
            var element = declared.PropertyType.IsArray ? nullability.ElementType : nullability.GenericTypeArguments.FirstOrDefault();
            if (element?.ReadState != System.Reflection.NullabilityState.Nullable) checkedLists.Add((property.Name, get));
        }
        if (checkedLists.Count == 0) return;
        var before = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            before?.Invoke(value);
            foreach (var (name, get) in checkedLists)
            {
                if (get(value) is not System.Collections.IEnumerable list) continue;
                var index = 0;
                foreach (var item in list)
                {
                    if (item is null) throw new NullElementException(name, index);
                    index++;
                }
            }
        };
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetArrayRank() == 1 ? type.GetElementType() : null;
        if (type == typeof(string) || !type.IsGenericType) return null;
        return ListShapes.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0] : null;
    }
}

/// <summary>
/// A value of a request our own reading refused, with a message meant for the caller (the serializer's own messages
/// name .NET types and byte positions, and are not shown).
/// </summary>
public class RefusedJsonValueException(string message) : JsonException(message);

/// <summary>A list of a request holds a <c>null</c> element; <see cref="JsonException.Path"/> is the object holding the list.</summary>
public sealed class NullElementException(string property, int index)
    : RefusedJsonValueException($"Element {index} is null; this list holds no null elements.")
{
    public string Property { get; } = property;
}

/// <summary>The field a body's JSON failed at, as a validation problem names it (<c>volunteers[0].hours</c>).</summary>
public static class JsonFailure
{
    public static string Field(JsonException json)
    {
        var path = (json.Path ?? "$").TrimStart('$').TrimStart('.');
        if (json is NullElementException nulls) path = path.Length == 0 ? nulls.Property : $"{path}.{nulls.Property}";
        return path.Length == 0 ? "body" : path;
    }
}

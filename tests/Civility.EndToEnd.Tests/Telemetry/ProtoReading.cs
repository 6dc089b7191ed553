using System.Globalization;
using Google.Protobuf;

namespace Civility.EndToEnd.Tests.Telemetry;

/// <summary>
/// Reads protobuf messages by field number, without generated classes: the OTLP protos are not a package here, and
/// the few fields the tests need are stable parts of OTLP 1.x.
/// </summary>
internal static class ProtoReading
{
    /// <summary>
    /// The field numbers of a message in wire order. The caller reads each value it wants and calls
    /// <see cref="CodedInputStream.SkipLastField"/> for the others, so the stream is always at the next tag.
    /// </summary>
    public static IEnumerable<int> Fields(this CodedInputStream input)
    {
        uint tag;
        while ((tag = input.ReadTag()) != 0) yield return WireFormat.GetTagFieldNumber(tag);
    }

    /// <summary>A length-delimited field (an embedded message) as a stream of its own.</summary>
    public static CodedInputStream ReadMessage(this CodedInputStream input) => input.ReadBytes().CreateCodedInput();

    /// <summary>OTLP trace and span ids are raw bytes; traces are quoted as lowercase hex, as W3C traceparent does.</summary>
    public static string ReadHexId(this CodedInputStream input) => Convert.ToHexStringLower(input.ReadBytes().Span);

    /// <summary>A KeyValue list entry (common.proto: key = 1, value = 2).</summary>
    public static KeyValuePair<string, string> ReadKeyValue(this CodedInputStream input)
    {
        var entry = input.ReadMessage();
        string key = "", value = "";
        foreach (var field in entry.Fields())
        {
            switch (field)
            {
                case 1: key = entry.ReadString(); break;
                case 2: value = entry.ReadMessage().ReadAnyValue(); break;
                default: entry.SkipLastField(); break;
            }
        }
        return new(key, value);
    }

    /// <summary>
    /// An AnyValue as text (string = 1, bool = 2, int = 3, double = 4, array = 5, kvlist = 6, bytes = 7): the tests
    /// compare attributes as text, whatever type the exporter chose.
    /// </summary>
    public static string ReadAnyValue(this CodedInputStream value)
    {
        var text = "";
        foreach (var field in value.Fields())
        {
            text = field switch
            {
                1 => value.ReadString(),
                2 => value.ReadBool() ? "true" : "false",
                3 => value.ReadInt64().ToString(CultureInfo.InvariantCulture),
                4 => value.ReadDouble().ToString(CultureInfo.InvariantCulture),
                5 => string.Join(",", ReadArray(value.ReadMessage())),
                7 => Convert.ToHexStringLower(value.ReadBytes().Span),
                _ => Skip(value),
            };
        }
        return text;
    }

    public static Dictionary<string, string> ToAttributes(this IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var (key, value) in pairs) attributes[key] = value;
        return attributes;
    }

    /// <summary>A Resource's attributes (resource.proto: attributes = 1), where <c>service.name</c> lives.</summary>
    public static Dictionary<string, string> ReadResourceAttributes(this CodedInputStream input)
    {
        var resource = input.ReadMessage();
        var attributes = new List<KeyValuePair<string, string>>();
        foreach (var field in resource.Fields())
        {
            if (field == 1) attributes.Add(resource.ReadKeyValue());
            else resource.SkipLastField();
        }
        return attributes.ToAttributes();
    }

    /// <summary>An InstrumentationScope's name (common.proto: name = 1): the ActivitySource or Meter that made the data.</summary>
    public static string ReadScopeName(this CodedInputStream input)
    {
        var scope = input.ReadMessage();
        var name = "";
        foreach (var field in scope.Fields())
        {
            if (field == 1) name = scope.ReadString();
            else scope.SkipLastField();
        }
        return name;
    }

    private static List<string> ReadArray(CodedInputStream array)
    {
        var values = new List<string>();
        foreach (var field in array.Fields())
        {
            if (field == 1) values.Add(array.ReadMessage().ReadAnyValue());
            else array.SkipLastField();
        }
        return values;
    }

    private static string Skip(CodedInputStream input)
    {
        input.SkipLastField();
        return "";
    }
}

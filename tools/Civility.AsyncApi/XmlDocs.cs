using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Civility.AsyncApi;

/// <summary>The XML documentation the compiler wrote beside an assembly: summaries of types and properties, records' params.</summary>
public sealed partial class XmlDocs
{
    private readonly Dictionary<string, XElement> _members;

    private XmlDocs(Dictionary<string, XElement> members) => _members = members;

    public static XmlDocs For(Assembly assembly)
    {
        var file = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(file))
            throw new FileNotFoundException($"No XML documentation beside {assembly.Location}: is GenerateDocumentationFile on?", file);
        var members = XDocument.Load(file).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m, StringComparer.Ordinal);
        return new XmlDocs(members);
    }

    public string? Summary(Type type) => Text(Member($"T:{type.FullName}")?.Element("summary"));

    /// <summary>A property's summary, or the record's <c>param</c> text for a positional property.</summary>
    public string? Describe(PropertyInfo property)
    {
        var declaring = property.DeclaringType!;
        return Text(Member($"P:{declaring.FullName}.{property.Name}")?.Element("summary"))
            ?? Text(Member($"T:{declaring.FullName}")?.Elements("param")
                .FirstOrDefault(p => (string?)p.Attribute("name") == property.Name));
    }

    private XElement? Member(string name) => _members.GetValueOrDefault(name);

    private static string? Text(XElement? element)
    {
        if (element is null) return null;
        var text = string.Concat(element.Nodes().Select(node => node switch
        {
            XText t => t.Value,
            XElement { Name.LocalName: "see" } see => ShortName((string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? ""),
            XElement { Name.LocalName: "paramref" } reference => Camel((string?)reference.Attribute("name") ?? ""),
            XElement other => other.Value,
            _ => "",
        }));
        var collapsed = Whitespace().Replace(text, " ").Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }

    /// <summary>A referenced property as it is spelled on the wire (camelCase); a type by its name.</summary>
    private static string ShortName(string cref)
    {
        var name = cref[(cref.LastIndexOfAny(['.', ':']) + 1)..];
        return cref.StartsWith("P:", StringComparison.Ordinal) ? Camel(name) : name;
    }

    internal static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text;

namespace Civility.AsyncApi;

/// <summary>Just enough YAML for the document: indented lines, quoted scalars, and blocks written as they stand.</summary>
internal sealed class YamlWriter
{
    private readonly StringBuilder _text = new();

    public void Line(int level, string content) => _text.Append(' ', level * 2).Append(content).Append('\n');

    /// <summary>A block as written in the source (its common indentation removed), shifted right by
    /// <paramref name="indent"/> levels.</summary>
    public void Raw(string block, int indent = 0)
    {
        foreach (var line in block.Split('\n'))
            _text.Append(line.Length == 0 ? "" : new string(' ', indent * 2) + line).Append('\n');
    }

    public static string Quote(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    public override string ToString() => _text.ToString();
}

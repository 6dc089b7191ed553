using System.Text.Json;
using Civility.Hosting.Http;
using Civility.ServiceDefaults.Http;

namespace Civility.UnitTests;

/// <summary>The shared input rule, the JSON reader's part of it, and the CSV cells the services hand out.</summary>
public sealed class HostileInputRuleTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new SafeStringJsonConverter() },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { NoNullElements.Modifier },
        },
    };

    private sealed record Body(string? Name, string[]? Skills, IReadOnlyList<Item>? Items, List<Item?>? Gaps = null);

    private sealed record Item(string? Label);

    [Theory]
    [InlineData("plain 文本 😀", true, null)]
    [InlineData("line\nbreak\ttab\r", true, null)]
    [InlineData("line\nbreak", false, HostileInput.ControlCharacterMessage)]
    [InlineData("nul\0", true, HostileInput.ControlCharacterMessage)]
    [InlineData("escape\u001b[31m", true, HostileInput.ControlCharacterMessage)]
    [InlineData("delete\u007f", true, HostileInput.ControlCharacterMessage)]
    public void Text_is_refused_for_controls_and_lone_surrogates_only(string text, bool allowLineBreaks, string? expected) =>
        Assert.Equal(expected, HostileInput.Problem(text, allowLineBreaks));

    [Fact]
    public void Lone_surrogates_are_refused_paired_ones_kept()
    {
        // Built here: a theory's data would reach the test with the lone surrogate replaced.
        Assert.Equal(HostileInput.SurrogateMessage, HostileInput.Problem(new string(['\ud800', 'a'])));
        Assert.Equal(HostileInput.SurrogateMessage, HostileInput.Problem(new string(['a', '\udc00'])));
        Assert.Null(HostileInput.Problem(new string(['\ud83d', '\ude00'])));
    }

    [Theory]
    [InlineData("{\"name\":\"a\\u0000b\"}", "name")]
    [InlineData("{\"name\":\"\\ud800\"}", "name")]
    [InlineData("{\"skills\":[\"x\",null]}", "skills")]
    [InlineData("{\"items\":[null]}", "items")]
    [InlineData("{\"items\":[{\"label\":\"\\u0007\"}]}", "items[0].label")]
    [InlineData("{\"items\":[{\"label\":\"x\"}],\"gaps\":[{\"label\":\"\\u0000\"}]}", "gaps[0].label")]
    public void The_json_reader_refuses_hostile_text_and_null_elements_naming_the_field(string body, string field)
    {
        var refused = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<Body>(body, Json));
        Assert.Equal(field, JsonFailure.Field(refused));
    }

    [Fact]
    public void Good_json_reads_as_before_and_writes_as_before()
    {
        var body = JsonSerializer.Deserialize<Body>(
            "{\"name\":\"王芳\\nline\",\"skills\":[\"a\",\"b\"],\"items\":[{\"label\":null}],\"gaps\":[null]}", Json)!;
        Assert.Equal("王芳\nline", body.Name);
        Assert.Equal(["a", "b"], body.Skills!);
        Assert.Null(Assert.Single(body.Items!).Label);
        Assert.Null(Assert.Single(body.Gaps!)); // declared List<Item?>: the handler reports each element itself
        Assert.Equal("{\"name\":null,\"skills\":[\"a\"],\"items\":[],\"gaps\":null}",
            JsonSerializer.Serialize(new Body(null, ["a"], []), Json));
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("县人民医院", "县人民医院")]
    public void Csv_cells_keep_formulas_as_text_and_quote_what_needs_it(string text, string cell) => Assert.Equal(cell, CsvCell.Of(text));

    [Fact]
    public void Quoted_csv_text_is_neutral_too() => Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", CsvCell.Quoted("=HYPERLINK(\"x\")"));

    [Fact]
    public void Csv_numbers_stay_numbers_even_when_negative() => Assert.Equal("-2.50", CsvCell.Of(-2.50m));
}

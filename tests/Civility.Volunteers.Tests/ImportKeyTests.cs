using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Civility.Volunteers.Domain;

namespace Civility.Volunteers.Tests;

/// <summary>
/// Rows imported before carry keys made from this exact text; a key made any other way would let a resent file
/// import them again.
/// </summary>
public sealed class ImportKeyTests
{
    [Theory]
    [InlineData("V000123", "2026-01-05", "2.5", "Epidemic prevention")]
    [InlineData("V000123", "2026-12-31", "24", "Health education, school")]
    [InlineData("V9", "2026-02-28", "12.05", "社区义诊 · 健康讲座")]
    [InlineData("V000001", "0001-01-01", "0.25", "x")]
    public void An_import_key_is_the_md5_of_number_date_hundredths_and_content(string number, string date, string hours, string content)
    {
        var serviceDate = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var amount = decimal.Parse(hours, CultureInfo.InvariantCulture);
        var text = string.Create(CultureInfo.InvariantCulture, $"{number}|{serviceDate:yyyy-MM-dd}|{amount:0.00}|{content}");

        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text))),
            ServiceRecord.ImportKey(number, serviceDate, amount, content));
    }

    [Fact]
    public void A_content_longer_than_the_stack_buffer_gets_the_same_key()
    {
        var content = string.Concat(Enumerable.Repeat("义诊", 500));
        var date = new DateOnly(2026, 3, 1);
        var text = $"V1|2026-03-01|1.50|{content}";

        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text))),
            ServiceRecord.ImportKey("V1", date, 1.5m, content));
    }
}

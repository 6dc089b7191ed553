using Civility.Hosting.Http;

namespace Civility.UnitTests;

/// <summary>The one rule for a mainland mobile number (votes' one-time codes go to it).</summary>
public sealed class MobilePhoneRuleTests
{
    [Theory]
    [InlineData("13912345678", "13912345678")]
    [InlineData(" 139 1234 5678 ", "13912345678")]
    [InlineData("139-1234-5678", "13912345678")]
    [InlineData("+8613912345678", "13912345678")]
    [InlineData("8619912345678", "19912345678")]
    public void A_mainland_mobile_number_is_normalized_to_its_11_digits(string given, string expected)
    {
        var check = new RequestValidator();
        Assert.Equal(expected, check.MobilePhone("phone", given));
        Assert.True(check.IsValid);
    }

    [Theory]
    [InlineData("12912345678")] // second digit 2: no mobile prefix
    [InlineData("1391234567")]  // 10 digits
    [InlineData("139123456789")]
    [InlineData("23912345678")]
    [InlineData("1391234567x")]
    [InlineData("０１３９１２３４５６７８")] // full-width digits are not ASCII digits
    public void Anything_else_is_refused_against_the_field(string given)
    {
        var check = new RequestValidator();
        Assert.Null(check.MobilePhone("phone", given));
        Assert.False(check.IsValid);
    }

    [Fact]
    public void An_optional_number_may_be_left_out_and_a_required_one_may_not()
    {
        var optional = new RequestValidator();
        Assert.Null(optional.MobilePhone("phone", null, required: false));
        Assert.True(optional.IsValid);
        var required = new RequestValidator();
        Assert.Null(required.MobilePhone("phone", " "));
        Assert.False(required.IsValid);
    }
}

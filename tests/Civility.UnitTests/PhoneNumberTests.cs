using Civility.Domain.PersonalData;

namespace Civility.UnitTests;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("13800000000", "13800000000")]
    [InlineData("+86 138 1234 5678", "13812345678")]
    [InlineData("0086-139-5797-0001", "13957970001")]
    [InlineData("0579-84011201", "0579-84011201")]
    [InlineData("010 62345678", "01062345678")]
    [InlineData("0579-84011201-8012", "0579-84011201-8012")]
    public void Mobiles_and_landlines_with_their_area_code_are_accepted(string given, string normalized)
    {
        Assert.Null(PhoneNumber.Validate(given));
        Assert.Equal(normalized, PhoneNumber.Normalize(given));
    }

    [Theory]
    [InlineData("12345678901")]   // no mobile range starts 12
    [InlineData("1381234567")]    // 10 digits
    [InlineData("138123456789")]  // 12 digits
    [InlineData("84011201")]      // a landline without its area code
    [InlineData("579-84011201")]  // an area code without its 0
    [InlineData("call me")]
    [InlineData("")]
    public void Anything_else_is_refused(string given)
    {
        Assert.NotNull(PhoneNumber.Validate(given));
        Assert.Null(PhoneNumber.Normalize(given));
    }
}

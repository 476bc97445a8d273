using AdrPlatform.Domain;
using AdrPlatform.Errors;

namespace AdrPlatform.Domain.Tests.Adrs;

public class AdrIdTests
{
    [Theory]
    [InlineData("ADR-0007", 7)]
    [InlineData("adr-7", 7)]
    [InlineData(" 12 ", 12)]
    [InlineData("ADR-123456", 123456)]
    [InlineData("ADR-0000", 0)]
    public void Parses_the_accepted_forms(string id, int expected) => Assert.Equal(expected, AdrId.Parse(id));

    [Theory]
    [InlineData("")]
    [InlineData("ADR-")]
    [InlineData("-3")]
    [InlineData("ADR-1.5")]
    [InlineData("1e3")]
    [InlineData("99999999999999999999")]
    [InlineData("7; DROP TABLE adrs")]
    public void Refuses_anything_else(string id) =>
        Assert.Equal(ErrorKind.InvalidArgument, Assert.Throws<AdrPlatformException>(() => AdrId.Parse(id)).Kind);

    [Fact]
    public void Formats_with_four_digits() => Assert.Equal("ADR-0042", AdrId.Format(42));
}

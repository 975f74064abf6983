using Nurture.Functions.Reports;

namespace Nurture.Functions.UnitTests.Reports;

public sealed class CsvLineTests
{
    [Fact]
    public void Fields_WithACommaQuoteOrLineBreak_AreQuoted_NumbersAreInvariant_AndNullsAreEmpty()
    {
        // A journey with two splits records its sends' variants comma-joined: "a,b" must stay one field.
        var line = new CsvLine().Add("a,b").Add("say \"hi\"").Add("two\nlines").Add("plain").Add((int?)null).Empty().Add(0.5).Add(95.5m).Add(3).ToString();

        Assert.Equal("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain,,,0.5,95.5,3\r\n", line);
    }

    [Fact]
    public void Amounts_AreWrittenToTheCent_WithoutTrailingZeros()
    {
        Assert.Equal("80,0.33,12.5\r\n", new CsvLine().Add(80.00m).Add(0.333m).Add(12.50m).ToString());
    }
}

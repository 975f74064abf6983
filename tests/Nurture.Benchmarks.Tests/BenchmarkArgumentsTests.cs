using Nurture.Benchmarks.Harness;

namespace Nurture.Benchmarks.Tests;

public sealed class BenchmarkArgumentsTests
{
    [Fact]
    public void Parse_WithNoArguments_RunsAllSuitesAtFullScale()
    {
        var parsed = BenchmarkArguments.Parse([]);

        Assert.Equal(new BenchmarkArguments(BenchmarkArguments.AllSuites, Quick: false, Help: false), parsed);
    }

    [Fact]
    public void Parse_WithSuiteAndQuick_SelectsThatSuiteScaledDown()
    {
        var parsed = BenchmarkArguments.Parse(["--quick", "--suite", "Storage"]);

        Assert.Equal(new BenchmarkArguments("storage", Quick: true, Help: false), parsed);
    }

    [Theory]
    [InlineData("--suite")]
    [InlineData("--suite", "--quick")]
    [InlineData("--fast")]
    [InlineData("storage")]
    public void Parse_WithBadArguments_SaysWhatIsWrong(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchmarkArguments.Parse(args));

        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}

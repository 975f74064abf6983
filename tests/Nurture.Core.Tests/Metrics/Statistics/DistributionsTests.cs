using Nurture.Core.Metrics.Statistics;

namespace Nurture.Core.Tests.Metrics.Statistics;

public sealed class DistributionsTests
{
    [Theory]
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.8, 0.8416212335729143)]
    [InlineData(0.5, 0.0)]
    [InlineData(0.01, -2.3263478740408408)]
    [InlineData(0.999, 3.090232306167813)]
    public void NormalQuantile_MatchesTables(double p, double expected) =>
        Assert.Equal(expected, Distributions.NormalQuantile(p), 1e-8);

    // Reference values: Student t tables (and a Simpson integration of the t density for df = 3.5328).
    [Theory]
    [InlineData(1, 12.706204736174698)]
    [InlineData(10, 2.2281388519649385)]
    [InlineData(30, 2.0422724563012373)]
    [InlineData(3.532846715328467, 2.927405306152524)]
    public void StudentTQuantile_975_MatchesTables(double df, double expected) =>
        Assert.Equal(expected, Distributions.StudentTQuantile(0.975, df), 1e-6);

    [Fact]
    public void StudentTQuantile_IsSymmetricAndInvertsTheCdf()
    {
        var t = Distributions.StudentTQuantile(0.9, 7);

        Assert.Equal(-t, Distributions.StudentTQuantile(0.1, 7), 1e-9);
        Assert.Equal(0.9, Distributions.StudentTCdf(t, 7), 1e-9);
    }

    [Fact]
    public void StudentTQuantile_WithHugeDegreesOfFreedom_IsTheNormalQuantile() =>
        Assert.Equal(1.959963984540054, Distributions.StudentTQuantile(0.975, double.PositiveInfinity), 1e-8);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Quantiles_RejectProbabilitiesOutsideTheOpenInterval(double p)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.NormalQuantile(p));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distributions.StudentTQuantile(p, 5));
    }
}

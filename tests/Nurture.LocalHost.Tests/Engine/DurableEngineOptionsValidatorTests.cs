using Nurture.LocalHost.Durable;

namespace Nurture.LocalHost.Tests.Engine;

public sealed class DurableEngineOptionsValidatorTests
{
    [Fact]
    public void Defaults_WithAHubName_AreValid()
    {
        var result = new DurableEngineOptionsValidator().Validate(null, new DurableEngineOptions { HubName = "NurtureHub" });

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("nurture-hub")]
    [InlineData("h234567890123456789012345678901234567890123456")]
    public void HubName_NotLettersAndDigitsStartingWithALetter_FailsNamingTheSetting(string hubName)
    {
        var result = new DurableEngineOptionsValidator().Validate(null, new DurableEngineOptions { HubName = hubName });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(nameof(DurableEngineOptions.HubName), StringComparison.Ordinal) && f.Contains("hubName", StringComparison.Ordinal));
    }

    [Fact]
    public void ShortVisibilityTimeoutsAndBadPartitionsAndLeases_FailEachNamingItsSetting()
    {
        var options = new DurableEngineOptions
        {
            HubName = "NurtureHub",
            PartitionCount = 17,
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(5),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(2),
            LeaseInterval = TimeSpan.FromSeconds(6),
            LeaseAcquireInterval = TimeSpan.FromSeconds(5),
        };

        var failures = new DurableEngineOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith(nameof(DurableEngineOptions.PartitionCount), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(nameof(DurableEngineOptions.ControlQueueVisibilityTimeout), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(nameof(DurableEngineOptions.WorkItemQueueVisibilityTimeout), StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith(nameof(DurableEngineOptions.LeaseInterval), StringComparison.Ordinal));
        Assert.Equal(4, failures.Count);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Hosting;
using Nurture.LocalHost.Queues;

namespace Nurture.LocalHost.Tests.Queues;

public sealed class QueueListenerOptionsTests
{
    [Fact]
    public void Defaults_AreTheFunctionsQueueTriggerDefaults()
    {
        var options = Bind([]);

        Assert.Equal(16, options.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, options.VisibilityTimeout);
        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal(8 * Environment.ProcessorCount, options.EffectiveNewBatchThreshold);
    }

    [Fact]
    public void HostJsonValues_AreBoundFromTheQueuesSection()
    {
        var options = Bind(new()
        {
            [QueueListenerOptions.Section + ":batchSize"] = "8",
            [QueueListenerOptions.Section + ":newBatchThreshold"] = "3",
            [QueueListenerOptions.Section + ":maxPollingInterval"] = "00:00:02",
            [QueueListenerOptions.Section + ":visibilityTimeout"] = "00:00:30",
            [QueueListenerOptions.Section + ":maxDequeueCount"] = "7",
        });

        Assert.Equal((8, 3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), 7), (options.BatchSize, options.EffectiveNewBatchThreshold, options.MaxPollingInterval, options.VisibilityTimeout, options.MaxDequeueCount));
    }

    [Theory]
    [InlineData("batchSize", "64", "batchSize")]
    [InlineData("maxPollingInterval", "00:00:00.010", "maxPollingInterval")]
    [InlineData("maxPollingInterval", "2000", "maxPollingInterval")]
    [InlineData("maxDequeueCount", "0", "maxDequeueCount")]
    public void InvalidValues_FailNamingTheHostJsonSetting(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [QueueListenerOptions.Section + ":" + key] = value }));

        Assert.Contains("host.json extensions.queues." + named, error.Message, StringComparison.Ordinal);
    }

    private static QueueListenerOptions Bind(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging().AddLocalHostRuntime();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<QueueListenerOptions>>().Value;
    }
}

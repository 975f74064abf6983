using System.Text;
using Azure.Storage.Queues;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Support;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Queues;

/// <summary>What a queue function's trigger parameter receives, by its type.</summary>
public sealed class QueueBindingTests(ITestOutputHelper output)
{
    private const int MovedToPoisonEventId = 1104;

    private readonly string _orders = TestNames.Queue("orders");
    private readonly string _raw = TestNames.Queue("raw");
    private readonly string _text = TestNames.Queue("text");

    [Fact]
    public async Task EachTriggerType_GetsTheMessageInItsShape()
    {
        await using var host = await StartAsync();

        await SendAsync(_orders, """{"orderId":"o-1","total":12.5,"items":["a","b"]}""");
        await SendAsync(_raw, "hé");
        await SendAsync(_text, "plain words");

        var probe = host.Services.GetProbe();
        await Eventually.HoldsAsync(() => probe.Completed.Count == 3, "the three functions ran");
        Assert.Equal("o-1:12.5:a+b", Assert.Single(probe.Calls, c => c.Function == nameof(QueueFunctions.Order)).Value);
        var raw = Assert.Single(probe.Calls, c => c.Function == nameof(QueueFunctions.Raw));
        Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes("hé")), raw.Value);
        Assert.Equal(nameof(QueueFunctions.Raw), raw.Detail);
        Assert.Equal("plain words", Assert.Single(probe.Calls, c => c.Function == nameof(QueueFunctions.PlainText)).Value);
    }

    [Fact]
    public async Task MessageThatIsNotJsonOfThePocoType_FailsEachAttempt_AndReachesPoisonWithTheReason()
    {
        await using var host = await StartAsync(new() { ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2" });

        await SendAsync(_orders, "this is not json");

        var poison = Queue(_orders + UndecodableMessages.PoisonSuffix);
        await Eventually.HoldsAsync(async () => (await poison.PeekAsync()).Length == 1, "the message reached poison");
        Assert.Empty(host.Services.GetProbe().Calls);
        Assert.True(host.Logs.Contains(MovedToPoisonEventId, _orders, "JsonException"), "the JSON failure was logged as the reason");
    }

    private static QueueClient Queue(string name) => StorageTestEnvironment.Account.Queues.GetQueueClient(name);

    // The sender makes sure the queue exists: the listener creates it too, but on its own schedule after the start.
    private static async Task SendAsync(string queue, string text)
    {
        var client = Queue(queue);
        await client.CreateIfNotExistsAsync();
        await client.SendMessageAsync(text);
    }

    private Task<LocalTestHost> StartAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["OrderQueue"] = _orders;
        settings["RawQueue"] = _raw;
        settings["TextQueue"] = _text;
        return LocalTestHost.StartAsync(
            output,
            Of(
                QueueEntry(Method<QueueFunctions>(nameof(QueueFunctions.Order)), "%OrderQueue%", "order"),
                QueueEntry(Method<QueueFunctions>(nameof(QueueFunctions.Raw)), "%RawQueue%", "body"),
                QueueEntry(Method<QueueFunctions>(nameof(QueueFunctions.PlainText)), "%TextQueue%", "message")),
            settings);
    }
}

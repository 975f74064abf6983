using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Queues;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Support;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Queues;

/// <summary>The queue trigger's semantics, on Azurite, for a function bound to the SDK's QueueMessage.</summary>
public sealed class QueueListenerTests(ITestOutputHelper output)
{
    private const int MovedToPoisonEventId = 1104;
    private const int ListenerStoppingEventId = 1101;
    private const int UndecodableEventId = 1108;
    private static readonly string Metadata = Of(QueueEntry(Method<QueueFunctions>(nameof(QueueFunctions.Work)), "%WorkQueue%"));

    private readonly string _queueName = TestNames.Queue("work");

    private QueueClient Queue => StorageTestEnvironment.Account.Queues.GetQueueClient(_queueName);

    private QueueClient PoisonQueue => StorageTestEnvironment.Account.Queues.GetQueueClient(_queueName + UndecodableMessages.PoisonSuffix);

    [Fact]
    public async Task MessageThatAlwaysFails_IsRetriedUpToMaxDequeueCount_ThenMovedToPoisonWithTheReasonLogged_AndNothingIsLost()
    {
        var poisonText = "poison-" + Guid.NewGuid().ToString("N");
        await using var host = await StartAsync(new() { [Setting("maxDequeueCount")] = "3" });
        host.Services.GetProbe().Behaviour = (call, _) => call.Value == poisonText ? throw new InvalidOperationException("cannot process this one") : Task.CompletedTask;
        var good = Enumerable.Range(0, 5).Select(i => $"good-{i}").ToList();
        foreach (var text in good.Append(poisonText))
        {
            await Queue.SendAsync(text);
        }

        await Eventually.HoldsAsync(async () => (await PoisonQueue.PeekAsync(32)).Length == 1, "the failing message reached the poison queue");
        await Eventually.HoldsAsync(async () => await Queue.GetApproximateMessageCountAsync() == 0, "the work queue is empty");

        var probe = host.Services.GetProbe();
        Assert.Equal(poisonText, Assert.Single(await PoisonQueue.PeekAsync(32)).MessageText);
        Assert.Equal([1L, 2L, 3L], probe.Calls.Where(c => c.Value == poisonText).Select(c => c.DequeueCount).Order());
        Assert.Equal(good.Order(), probe.Completed.Keys.Order());
        Assert.True(host.Logs.Contains(MovedToPoisonEventId, _queueName, "cannot process this one"), "the poison move and its reason were logged");
    }

    [Fact]
    public async Task MessageThatFailsTwice_SucceedsOnTheThirdAttempt_AndIsNotPoisoned()
    {
        await using var host = await StartAsync();
        host.Services.GetProbe().Behaviour = (call, _) => call.DequeueCount < 3 ? throw new TimeoutException("transient") : Task.CompletedTask;
        await Queue.SendAsync("flaky");

        await Eventually.HoldsAsync(() => host.Services.GetProbe().Completed.ContainsKey("flaky"), "the message succeeded");
        await Eventually.HoldsAsync(async () => await Queue.GetApproximateMessageCountAsync() == 0, "the message was deleted");

        Assert.Equal([1L, 2L, 3L], host.Services.GetProbe().Calls.Select(c => c.DequeueCount));
        Assert.Empty(await PoisonQueue.PeekAsync(32));
    }

    [Fact]
    public async Task MessageThatIsNotBase64_GoesToPoisonUnrun_AndTheQueueKeepsFlowing()
    {
        await using var host = await StartAsync();
        var raw = new QueueClient(StorageTestEnvironment.ConnectionString, _queueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await raw.SendMessageAsync("{not base64!}");
        await Queue.SendAsync("after-the-bad-one");

        await Eventually.HoldsAsync(() => host.Services.GetProbe().Completed.ContainsKey("after-the-bad-one"), "the good message was processed");
        await Eventually.HoldsAsync(async () => (await PoisonQueue.PeekAsync(32)).Length == 1, "the bad message reached poison");

        Assert.DoesNotContain(host.Services.GetProbe().Calls, c => c.Value.Contains("not base64", StringComparison.Ordinal));
        Assert.True(host.Logs.Contains(UndecodableEventId, _queueName), "the move was logged");
    }

    [Fact]
    public async Task ShutdownMidBatch_FinishesInFlightMessages_AndLeavesTheRestQueued()
    {
        const int sent = 30;
        await Queue.CreateIfNotExistsAsync();
        await Task.WhenAll(Enumerable.Range(0, sent).Select(i => Queue.SendAsync($"m-{i}")));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var host = await StartAsync(new() { [Setting("batchSize")] = "8", [Setting("newBatchThreshold")] = "0" }, probe => probe.Behaviour = (_, _) => gate.Task);
        var probe = host.Services.GetProbe();
        await Eventually.HoldsAsync(() => probe.Calls.Count >= 8, "a full batch is in flight");

        var stopping = host.StopAsync();
        await Eventually.HoldsAsync(() => host.Logs.Contains(ListenerStoppingEventId, _queueName), "the listener stopped fetching");
        gate.SetResult();
        await stopping;
        await host.DisposeAsync();

        var started = probe.Calls.Select(c => c.Value).ToHashSet();
        Assert.Equal(started.Order(), probe.Completed.Keys.Order());
        Assert.InRange(started.Count, 8, sent - 1);
        var remaining = new List<string>();
        while ((await Queue.ReceiveAsync(32)) is { Length: > 0 } batch)
        {
            remaining.AddRange(batch.Select(m => m.MessageText));
        }

        Assert.Equal(Enumerable.Range(0, sent).Select(i => $"m-{i}").Order(), remaining.Concat(probe.Completed.Keys).Order());
    }

    [Fact]
    public async Task BusyQueue_RunsInParallel_NeverBeyondBatchSizePlusNewBatchThreshold()
    {
        var running = 0;
        var peak = 0;
        await using var host = await StartAsync(new() { [Setting("batchSize")] = "4", [Setting("newBatchThreshold")] = "2" });
        host.Services.GetProbe().Behaviour = async (_, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Delay(100);
            Interlocked.Decrement(ref running);
        };
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Queue.SendAsync($"m-{i}")));

        await Eventually.HoldsAsync(() => host.Services.GetProbe().Completed.Count == 40, "all messages were processed");

        Assert.InRange(peak, 2, 6);
    }

    [Fact]
    public async Task LongRunningHandler_KeepsItsMessageHidden_SoItIsNotDeliveredTwice()
    {
        await using var host = await StartAsync(new() { [Setting("messageHold")] = "00:00:03" });
        host.Services.GetProbe().Behaviour = (_, _) => Task.Delay(TimeSpan.FromSeconds(5));
        await Queue.SendAsync("slow");

        await Eventually.HoldsAsync(() => host.Services.GetProbe().Completed.ContainsKey("slow"), "the slow message completed");
        await Eventually.HoldsAsync(async () => await Queue.GetApproximateMessageCountAsync() == 0, "the message was deleted");

        Assert.Equal(1L, Assert.Single(host.Services.GetProbe().Calls).DequeueCount);
    }

    [Fact]
    public async Task MessageAlreadyDequeuedMoreThanMaxDequeueCount_IsPoisonedWithoutRunning()
    {
        await Queue.CreateIfNotExistsAsync();
        await Queue.SendAsync("crash-looper");
        for (var i = 0; i < 2; i++)
        {
            // As if hosts crashed mid-message: received, never completed, visible again at once.
            var received = Assert.Single(await Queue.ReceiveAsync(1, TimeSpan.FromMinutes(1)));
            await Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        await using var host = await StartAsync(new() { [Setting("maxDequeueCount")] = "1" });

        await Eventually.HoldsAsync(async () => (await PoisonQueue.PeekAsync(32)).Length == 1, "the message reached the poison queue");
        Assert.Empty(host.Services.GetProbe().Calls);
        Assert.Equal("crash-looper", Assert.Single(await PoisonQueue.PeekAsync(32)).MessageText);
    }

    private static string Setting(string name) => $"{QueueListenerOptions.Section}:{name}";

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private Task<LocalTestHost> StartAsync(Dictionary<string, string?>? settings = null, Action<Probe>? before = null)
    {
        settings ??= [];
        settings["WorkQueue"] = _queueName;
        return LocalTestHost.StartAsync(output, Metadata, settings, configure: before is null ? null : b => b.Services.AddSingleton(Configured(before)));
    }

    private static Probe Configured(Action<Probe> configure)
    {
        var probe = new Probe();
        configure(probe);
        return probe;
    }
}

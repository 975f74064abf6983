using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Functions.Queues;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Queues;

/// <summary>The queue trigger's semantics, on Azurite.</summary>
public sealed class QueueListenerTests
{
    private const string Worker = nameof(Worker);
    private const int MovedToPoisonEventId = 1104;
    private const int ListenerStoppingEventId = 1101;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TestStorageAccounts _storage = QueueTestStorage.Create();
    private readonly string _queueName = TestNames.Queue("work");
    private readonly ConcurrentQueue<QueueTriggerMessage> _attempts = new();
    private readonly ConcurrentDictionary<string, int> _completed = new();

    private QueueClient Queue => _storage.Queues.GetQueueClient(_queueName);

    private QueueClient PoisonQueue => _storage.Queues.GetQueueClient(_queueName + QueueTrigger.PoisonSuffix);

    [Fact]
    public async Task MessageThatAlwaysFails_IsRetriedUpToMaxDequeueCount_ThenMovedToPoison_AndNothingIsLost()
    {
        var poisonText = "poison-" + Guid.NewGuid().ToString("N");
        await using var host = await StartAsync(
            message => message.Text == poisonText ? throw new InvalidOperationException("cannot process " + message.MessageId) : Task.CompletedTask,
            new() { [QueueListenerOptions.Section + ":maxDequeueCount"] = "3" });
        var good = Enumerable.Range(0, 5).Select(i => $"good-{i}").ToList();
        foreach (var text in good.Append(poisonText))
        {
            await Queue.SendAsync(text);
        }

        await Eventually.HoldsAsync(async () => (await PeekPoisonAsync()).Count == 1, Deadline, "the failing message reached the poison queue");
        await Eventually.HoldsAsync(async () => await Queue.GetApproximateMessageCountAsync() == 0, Deadline, "the work queue is empty");

        Assert.Equal(poisonText, (await PeekPoisonAsync()).Single().MessageText);
        Assert.Equal([1L, 2L, 3L], _attempts.Where(a => a.Text == poisonText).Select(a => a.DequeueCount).Order());
        Assert.Equal(good.Order(), _completed.Keys.Order());
        Assert.Contains(TestLogSink.Entries, e => e.EventId == MovedToPoisonEventId && e.Message.Contains(_queueName, StringComparison.Ordinal)
            && e.Message.Contains("cannot process", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageThatFailsTwice_SucceedsOnTheThirdAttempt_AndIsNotPoisoned()
    {
        await using var host = await StartAsync(message => message.DequeueCount < 3 ? throw new TimeoutException("transient") : Task.CompletedTask);
        await Queue.SendAsync("flaky");

        await Eventually.HoldsAsync(() => _completed.ContainsKey("flaky"), Deadline, "the message succeeded");
        await Eventually.HoldsAsync(async () => await Queue.GetApproximateMessageCountAsync() == 0, Deadline, "the message was deleted");

        Assert.Equal(3, _attempts.Count);
        Assert.Empty(await PeekPoisonAsync());
    }

    [Fact]
    public async Task ShutdownMidBatch_FinishesInFlightMessages_AndLeavesTheRestQueued()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        const int sent = 30;
        await Queue.CreateIfNotExistsAsync();
        await Task.WhenAll(Enumerable.Range(0, sent).Select(i => Queue.SendAsync($"m-{i}")));
        var host = await StartAsync(
            _ => gate.Task,
            new() { [QueueListenerOptions.Section + ":batchSize"] = "8", [QueueListenerOptions.Section + ":newBatchThreshold"] = "0" });
        await Eventually.HoldsAsync(() => _attempts.Count >= 8, Deadline, "a full batch is in flight");

        var stopping = host.StopAsync();
        await Eventually.HoldsAsync(
            () => TestLogSink.Entries.Any(e => e.EventId == ListenerStoppingEventId && e.Message.Contains(_queueName, StringComparison.Ordinal)),
            Deadline,
            "the listener stopped fetching");
        gate.SetResult();
        await stopping;
        await host.DisposeAsync();

        var started = _attempts.Select(a => a.Text).ToHashSet();
        Assert.Equal(started.Order(), _completed.Keys.Order());
        Assert.InRange(started.Count, 8, sent - 1);
        var remaining = new List<string>();
        while ((await Queue.ReceiveAsync(32)) is { Length: > 0 } batch)
        {
            remaining.AddRange(batch.Select(m => m.MessageText));
        }

        Assert.Equal(Enumerable.Range(0, sent).Select(i => $"m-{i}").Order(), remaining.Concat(_completed.Keys).Order());
    }

    [Fact]
    public async Task BusyQueue_RunsInParallel_NeverBeyondBatchSizePlusNewBatchThreshold()
    {
        var running = 0;
        var peak = 0;
        await using var host = await StartAsync(
            async _ =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Delay(100);
                Interlocked.Decrement(ref running);
            },
            new() { [QueueListenerOptions.Section + ":batchSize"] = "4", [QueueListenerOptions.Section + ":newBatchThreshold"] = "2" });
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Queue.SendAsync($"m-{i}")));

        await Eventually.HoldsAsync(() => _completed.Count == 40, Deadline, "all messages were processed");

        Assert.InRange(peak, 2, 6);
    }

    [Fact]
    public async Task LongRunningHandler_KeepsItsMessageHidden_SoItIsNotDeliveredTwice()
    {
        await using var host = await StartAsync(
            _ => Task.Delay(TimeSpan.FromSeconds(5)),
            new() { [QueueListenerOptions.Section + ":messageHold"] = "00:00:03" });
        await Queue.SendAsync("slow");

        await Eventually.HoldsAsync(() => _completed.ContainsKey("slow"), Deadline, "the slow message completed");
        await Eventually.HoldsAsync(async () => await Queue.GetApproximateMessageCountAsync() == 0, Deadline, "the message was deleted");

        Assert.Equal(1L, Assert.Single(_attempts).DequeueCount);
    }

    [Fact]
    public async Task DelayedMessageThisHostExpects_IsHandledWhenItBecomesVisible_NotAtTheNextBackoffPoll()
    {
        var handledAt = new ConcurrentQueue<DateTimeOffset>();
        await using var host = await StartAsync(
            _ =>
            {
                handledAt.Enqueue(DateTimeOffset.UtcNow);
                return Task.CompletedTask;
            },
            new() { [QueueListenerOptions.Section + ":maxPollingInterval"] = "00:01:00" });
        var delay = TimeSpan.FromSeconds(5);

        // By the time it is visible the idle listener polls seconds apart, so only the hint gets it handled promptly.
        await Queue.SendAsync("timer", delay);
        var visibleAt = DateTimeOffset.UtcNow + delay;
        host.Services.GetRequiredService<QueueWakeUps>().Expect(Queue.Name, visibleAt);

        await Eventually.HoldsAsync(() => _completed.ContainsKey("timer"), Deadline, "the delayed message was handled");
        var lateness = Assert.Single(handledAt) - visibleAt;
        Assert.True(lateness < TimeSpan.FromSeconds(1), $"handled {lateness.TotalMilliseconds:F0} ms after it became visible");
    }

    [Fact]
    public async Task MessageAlreadyDequeuedMoreThanMaxDequeueCount_IsPoisonedWithoutRunning()
    {
        await Queue.CreateIfNotExistsAsync();
        await Queue.SendAsync("crash-looper");
        for (var i = 0; i < 2; i++)
        {
            // Simulates hosts that crashed mid-message: received, never completed, visible again at once.
            var received = Assert.Single(await Queue.ReceiveAsync(1, TimeSpan.FromMinutes(1)));
            await Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        await using var host = await StartAsync(_ => Task.CompletedTask, new() { [QueueListenerOptions.Section + ":maxDequeueCount"] = "2" });

        await Eventually.HoldsAsync(async () => (await PeekPoisonAsync()).Count == 1, Deadline, "the message reached the poison queue");
        Assert.Empty(_attempts);
        Assert.Equal("crash-looper", (await PeekPoisonAsync()).Single().MessageText);
    }

    private async Task<FunctionTestHost> StartAsync(Func<QueueTriggerMessage, Task> behaviour, Dictionary<string, string?>? settings = null)
    {
        await Queue.CreateIfNotExistsAsync();
        settings ??= [];
        settings["WorkQueue"] = _queueName;
        return await FunctionTestHost.StartAsync(
            services => services.AddFunction(new QueueFunction(Worker, new QueueTrigger("%WorkQueue%"), async (message, _) =>
            {
                _attempts.Enqueue(message);
                await behaviour(message);
                _completed.AddOrUpdate(message.Text, 1, (_, n) => n + 1);
            })),
            settings,
            _storage);
    }

    private async Task<IReadOnlyList<PeekedMessage>> PeekPoisonAsync()
    {
        try
        {
            return await PoisonQueue.PeekAsync(32);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The listener creates the poison queue with the first poisoned message.
            return [];
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

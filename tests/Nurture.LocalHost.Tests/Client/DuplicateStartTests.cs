using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Client;

/// <summary>
/// Starts with a deterministic instance id: an unfinished instance with that id rejects the start
/// (<see cref="OrchestrationAlreadyExistsException"/>, as the SDK's gRPC client throws in Azure) and nothing runs twice.
/// </summary>
public sealed class DuplicateStartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Start_SameIdWhilePendingOrRunning_IsRejected_AndTheInstanceRunsOnce()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var options = new StartOrchestrationOptions("journey-a-contact-1");

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StepFunctions.StepsOrchestration), new StepsRequest(2), options);
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StepFunctions.StepsOrchestration), new StepsRequest(2), options));
        await Deadline.StatusAsync(host.Client, id, m => m.ReadCustomStatusAs<string>() == "paused", "paused");
        var whileRunning = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StepFunctions.StepsOrchestration), new StepsRequest(2), options));
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal("journey-a-contact-1", id);
        Assert.Contains(id, whileRunning.Message, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, host.Ledger.Count(id, StepFunctions.First));
        Assert.Equal(1, host.Ledger.Count(id, StepFunctions.Second));
    }

    [Fact]
    public async Task Start_SameIdAfterCompletion_RunsANewExecution_UnlessTheDedupeStatusesListCompleted()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var options = new StartOrchestrationOptions("doubling-1");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), 1, options);
        Assert.Equal(2, (await Deadline.CompletionAsync(host.Client, "doubling-1")).ReadOutputAs<int>());

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), 5, options);
        var replaced = await Deadline.StatusAsync(host.Client, "doubling-1", m => m.IsCompleted && m.ReadOutputAs<int>() == 10, "the second execution's output");
        var neverReused = options.WithDedupeStatuses([.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses]);
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), 50, neverReused));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, replaced.RuntimeStatus);
        Assert.Equal(10, (await host.Client.GetInstanceAsync("doubling-1", getInputsAndOutputs: true))!.ReadOutputAs<int>());
    }

    [Fact]
    public async Task Start_DedupeStatusesThatWouldReuseALiveInstance_AreRefusedUpFront()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(DoublingOrchestrator), 1, new StartOrchestrationOptions("reuse-1").WithDedupeStatuses(OrchestrationRuntimeStatus.Completed)));

        Assert.Contains("Running", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetInstanceAsync("reuse-1"));
    }

    [Fact]
    public async Task ConcurrentStarts_SameId_RunTheOrchestrationOnce()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var options = new StartOrchestrationOptions("journey-b-contact-2");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            try
            {
                await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StepFunctions.StepsOrchestration), new StepsRequest(1), options);
                return true;
            }
            catch (OrchestrationAlreadyExistsException)
            {
                return false;
            }
        }));
        var done = await Deadline.CompletionAsync(host.Client, options.InstanceId!);

        output.WriteLine($"{attempts.Count(a => a)} of {attempts.Length} concurrent starts were accepted.");
        Assert.Contains(true, attempts);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, host.Ledger.Count(options.InstanceId!, StepFunctions.First));
        Assert.Equal(1, host.Ledger.Count(options.InstanceId!, StepFunctions.Second));
    }

    [Fact]
    public async Task StartAt_KeepsTheInstancePendingUntilThen()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var startAt = DateTimeOffset.UtcNow.AddSeconds(4);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerProbeFunctions.ClockOrchestration), null, new StartOrchestrationOptions(StartAt: startAt));
        var pending = await host.Client.GetInstanceAsync(id);
        var done = await Deadline.CompletionAsync(host.Client, id);
        var startedAt = new DateTimeOffset(DateTime.SpecifyKind(done.ReadOutputAs<DateTime>(), DateTimeKind.Utc));

        output.WriteLine($"Scheduled start ran {(startedAt - startAt).TotalMilliseconds:F0} ms after StartAt.");
        Assert.Equal(OrchestrationRuntimeStatus.Pending, pending!.RuntimeStatus);
        Assert.True(startedAt >= startAt - TimeSpan.FromSeconds(1.1), $"Started {(startAt - startedAt).TotalMilliseconds:F0} ms before StartAt.");
    }
}

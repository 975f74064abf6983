using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Tests.ChildHost;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Nurture.Storage.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Engine;

/// <summary>
/// A host that stops or dies mid-orchestration, and the next one on the same hub finishing the work: in process
/// (stop without drain, graceful stop) and with a child process killed by SIGKILL while an activity is in flight.
/// </summary>
public sealed class RestartTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Well under the 5 minutes Durable Functions' default visibility timeouts would take.</summary>
    private static readonly TimeSpan ResumeDeadline = TimeSpan.FromSeconds(75);

    private readonly string _markers = Directory.CreateTempSubdirectory("nurture-durable-markers-").FullName;

    [Fact]
    public async Task RestartWithoutDrain_WhileATimerIsPending_TheNextEngineGetsTheSameWorkerIdAndFinishes()
    {
        var hub = DurableTestStorage.NewHubName();
        var ledger = new ActivityLedger();
        var first = await DurableTestHost.StartAsync(output, hub, services: s => s.AddSingleton(ledger));
        var id = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StepFunctions.StepsOrchestration), new StepsRequest(3));
        await Deadline.StatusAsync(first.Client, id, m => m.ReadCustomStatusAs<string>() == "paused", "paused");
        var firstWorker = first.Engine.WorkerId;
        await first.AbandonAsync();

        var watch = Stopwatch.StartNew();
        await using var second = await DurableTestHost.StartAsync(output, hub, services: s => s.AddSingleton(ledger));
        var done = await Deadline.CompletionAsync(second.Client, id, ResumeDeadline);

        output.WriteLine($"Finished {watch.ElapsedMilliseconds} ms after the restart (the timer had up to 3 s left).");
        Assert.Equal(firstWorker, second.Engine.WorkerId);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal($"{StepFunctions.First}+{StepFunctions.Second}", done.ReadOutputAs<string>());
        Assert.Equal(1, ledger.Count(id, StepFunctions.First));
        Assert.Equal(1, ledger.Count(id, StepFunctions.Second));
    }

    [Fact]
    public async Task GracefulStop_CancelsAHeldActivity_WhichIsAbandonedNotFailed_AndRunsAgainOnTheNextEngine()
    {
        var hub = DurableTestStorage.NewHubName();
        var ledger = new ActivityLedger();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holdingGate = new StepGate
        {
            BeforeSlowStep = async (_, cancellation) =>
            {
                held.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellation);
            },
        };
        var first = await DurableTestHost.StartAsync(output, hub, services: s => s.AddSingleton(ledger).AddSingleton(holdingGate));
        var id = await first.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StepFunctions.StepsOrchestration), new StepsRequest(0.5));
        await held.Task.WaitAsync(Deadline.Default);

        var stopWatch = Stopwatch.StartNew();
        await first.DisposeAsync();
        output.WriteLine($"Graceful stop took {stopWatch.ElapsedMilliseconds} ms.");
        await using var second = await DurableTestHost.StartAsync(output, hub, services: s => s.AddSingleton(ledger));
        var done = await Deadline.CompletionAsync(second.Client, id, ResumeDeadline);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, ledger.Count(id, StepFunctions.Second));
    }

    [Fact]
    public async Task ChildKilledMidActivity_RestartedWithTheSameWorkerId_ResumesWithinTheWorkItemVisibilityTimeout()
    {
        var (resume, partitions, worker, childWorker) = await KillChildAndResumeAsync(fixedWorkerId: null);

        output.WriteLine($"Same worker id ({worker}): owned every partition {partitions.TotalMilliseconds:F0} ms and finished {resume.TotalMilliseconds:F0} ms after SIGKILL.");
        Assert.Equal(childWorker, worker);
    }

    [Fact]
    public async Task ChildKilledMidActivity_TakenOverByANewWorkerId_ResumesOnceTheLeasesExpire()
    {
        var (resume, partitions, worker, childWorker) = await KillChildAndResumeAsync(fixedWorkerId: "takeover-worker");

        output.WriteLine($"New worker id ({worker} after {childWorker}): owned every partition {partitions.TotalMilliseconds:F0} ms and finished {resume.TotalMilliseconds:F0} ms after SIGKILL.");
        Assert.NotEqual(childWorker, worker);
    }

    public void Dispose() => Directory.Delete(_markers, recursive: true);

    private async Task<(TimeSpan Resume, TimeSpan Partitions, string Worker, string ChildWorker)> KillChildAndResumeAsync(string? fixedWorkerId)
    {
        var hub = DurableTestStorage.NewHubName();
        var connection = DurableTestStorage.ConnectionString;
        await using var clientOnly = await DurableTestHost.StartAsync(output, hub, o => o.WorkerId = "client-only", start: false);
        using var child = await ChildHostProcess.StartAsync(hub, connection, _markers, TimeSpan.FromSeconds(90));
        var id = await clientOnly.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StepFunctions.StepsOrchestration), new StepsRequest(0.5));
        await using (var bystander = await DurableTestHost.StartAsync(output, hub, start: false))
        {
            // The live child holds this machine's first slot for the hub, so another engine gets a different worker id.
            Assert.NotEqual(child.WorkerId, bystander.Engine.WorkerId);
        }

        var marker = Path.Combine(_markers, id);
        await Poll.UntilAsync(() => Task.FromResult(File.Exists(marker)), Deadline.Default, "the child to hold the slow step");

        child.Kill();
        var watch = Stopwatch.StartNew();
        await using var next = await DurableTestHost.StartAsync(output, hub, o => o.WorkerId = fixedWorkerId);
        var owned = Task.Run(async () =>
        {
            await Poll.UntilAsync(async () => await PartitionOwnersAsync(hub) is [_, ..] owners && owners.All(o => o == next.Engine.WorkerId), ResumeDeadline, "the next engine to own every partition");
            return watch.Elapsed;
        });
        var done = await Deadline.CompletionAsync(next.Client, id, ResumeDeadline);
        var resume = watch.Elapsed;
        var partitions = await owned;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal($"{StepFunctions.First}+{StepFunctions.Second}", done.ReadOutputAs<string>());
        Assert.Equal(1, next.Ledger.Count(id, StepFunctions.Second));
        return (resume, partitions, next.Engine.WorkerId, child.WorkerId);
    }

    private static async Task<List<string>> PartitionOwnersAsync(string hub)
    {
        var owners = new List<string>();
        await foreach (var lease in new TableClient(DurableTestStorage.ConnectionString, $"{hub}Partitions").QueryAsync<TableEntity>())
        {
            owners.Add(lease.GetString("CurrentOwner") ?? string.Empty);
        }

        return owners;
    }
}

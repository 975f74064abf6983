using Microsoft.DurableTask.Client;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Client;

/// <summary>Terminate, suspend, resume, purge and query through the local client, with Durable Functions' status rules.</summary>
public sealed class InstanceManagementTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Terminate_RunningInstance_EndsItWithTheGivenOutput_ThenRefusesASecondTerminate()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var id = await StartWaitingApprovalAsync(host);

        await host.Client.TerminateInstanceAsync(id, "stopped by the test");
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("stopped by the test", done.ReadOutputAs<string>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.TerminateInstanceAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.TerminateInstanceAsync("no-such-instance"));
    }

    [Fact]
    public async Task SuspendedInstance_KeepsItsEvent_AndFinishesWhenResumed()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var id = await StartWaitingApprovalAsync(host);

        await host.Client.SuspendInstanceAsync(id, "hold on");
        await Deadline.StatusAsync(host.Client, id, m => m.RuntimeStatus == OrchestrationRuntimeStatus.Suspended, "Suspended");
        await host.Client.RaiseEventAsync(id, ApprovalFunctions.DecisionEvent, new ApprovalDecision(false, "bo"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.SuspendInstanceAsync(id));
        await host.Client.ResumeInstanceAsync(id, "go on");
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("refund: rejected by bo", done.ReadOutputAs<string>());
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.ResumeInstanceAsync(id));
    }

    [Fact]
    public async Task Purge_RemovesFinishedInstances_AndRefusesLiveOnes()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var finished = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            finished.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), i));
        }

        foreach (var id in finished)
        {
            await Deadline.CompletionAsync(host.Client, id);
        }

        var live = await StartWaitingApprovalAsync(host);

        var one = await host.Client.PurgeInstanceAsync(finished[0]);
        var rest = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(since, null, [OrchestrationRuntimeStatus.Completed]));

        Assert.Equal(1, one.PurgedInstanceCount);
        Assert.Equal(2, rest.PurgedInstanceCount);
        foreach (var id in finished)
        {
            Assert.Null(await host.Client.GetInstanceAsync(id));
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.PurgeInstanceAsync(live));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(live))!.RuntimeStatus);
    }

    [Fact]
    public async Task Query_FiltersByStatusCreatedTimeAndPrefix_AndPagesWithContinuationTokens()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var doubled = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            doubled.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), i, new Microsoft.DurableTask.StartOrchestrationOptions($"double-{i}")));
        }

        foreach (var id in doubled)
        {
            await Deadline.CompletionAsync(host.Client, id);
        }

        var live = await StartWaitingApprovalAsync(host);

        var pages = new List<Microsoft.DurableTask.Page<OrchestrationMetadata>>();
        await foreach (var page in host.Client.GetAllInstancesAsync(new OrchestrationQuery(since, null, [OrchestrationRuntimeStatus.Completed], PageSize: 2, FetchInputsAndOutputs: true)).AsPages())
        {
            pages.Add(page);
        }

        var running = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Running])));
        var prefixed = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery(InstanceIdPrefix: "double-")));
        var future = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery(CreatedFrom: DateTimeOffset.UtcNow.AddMinutes(5))));

        Assert.Equal([2, 2, 1], pages.Select(p => p.Values.Count));
        Assert.All(pages.Take(2), p => Assert.False(string.IsNullOrEmpty(p.ContinuationToken)));
        Assert.Equal(doubled.Order(), pages.SelectMany(p => p.Values).Select(m => m.InstanceId).Order());
        Assert.All(pages.SelectMany(p => p.Values), m => Assert.NotNull(m.SerializedOutput));
        Assert.Equal([live], running.Select(m => m.InstanceId));
        Assert.Equal(doubled.Order(), prefixed.Select(m => m.InstanceId).Order());
        Assert.Empty(future);
    }

    private static async Task<string> StartWaitingApprovalAsync(DurableTestHost host)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalFunctions.ApprovalOrchestration), new ApprovalRequest("refund", 300));
        await Deadline.StatusAsync(host.Client, id, m => m.ReadCustomStatusAs<string>() == "waiting", "waiting");
        return id;
    }

    private static async Task<List<OrchestrationMetadata>> ToListAsync(Microsoft.DurableTask.AsyncPageable<OrchestrationMetadata> pageable)
    {
        var list = new List<OrchestrationMetadata>();
        await foreach (var item in pageable)
        {
            list.Add(item);
        }

        return list;
    }
}

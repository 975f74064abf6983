using Microsoft.DurableTask.Client;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Client;

/// <summary>External events raised through the local <see cref="DurableTaskClient"/>, and durable-timer timeouts.</summary>
public sealed class ExternalEventTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RaisedEvent_ReachesTheWaitingOrchestration()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalFunctions.ApprovalOrchestration), new ApprovalRequest("refund", 120));
        await Deadline.StatusAsync(host.Client, id, m => m.ReadCustomStatusAs<string>() == "waiting", "waiting");

        await host.Client.RaiseEventAsync(id, ApprovalFunctions.DecisionEvent, new ApprovalDecision(true, "ana"));
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal("refund: approved by ana", done.ReadOutputAs<string>());
        Assert.Equal("decided", done.ReadCustomStatusAs<string>());
    }

    [Fact]
    public async Task NoEvent_TheDurableTimerEndsTheWait()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalFunctions.ApprovalOrchestration), new ApprovalRequest("refund", 2));
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal("refund: timed out", done.ReadOutputAs<string>());
        Assert.True(done.LastUpdatedAt - done.CreatedAt >= TimeSpan.FromSeconds(1), $"Finished {done.LastUpdatedAt - done.CreatedAt} after creation.");
    }

    [Fact]
    public async Task EventForAnUnknownInstance_IsDropped_AndForAFinishedOne_IsRefused()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), 1);
        await Deadline.CompletionAsync(host.Client, id);

        await host.Client.RaiseEventAsync("no-such-instance", ApprovalFunctions.DecisionEvent, new ApprovalDecision(true, "ana"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.RaiseEventAsync(id, ApprovalFunctions.DecisionEvent, new ApprovalDecision(true, "ana")));

        Assert.Null(await host.Client.GetInstanceAsync("no-such-instance"));
        Assert.Contains("Completed", error.Message, StringComparison.Ordinal);
    }
}

using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;
using Xunit.Abstractions;

namespace Nurture.LocalHost.Tests.Engine;

/// <summary>Function methods and class-based tasks running on DTFx with Azurite through the SDK's shims.</summary>
public sealed class FunctionOrchestrationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task GreetingOrchestration_CallsItsActivityWithDependenciesAndReturnsTheResult()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());
        var tags = new Dictionary<string, string> { ["journey"] = "welcome" };

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(GreetingFunctions.GreetingOrchestration), new GreetingRequest("Ana", 2), new StartOrchestrationOptions { Tags = tags });
        var started = await host.Client.WaitForInstanceStartAsync(id);
        var done = await Deadline.CompletionAsync(host.Client, id);
        var withoutInputs = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: false);

        Assert.NotEqual(OrchestrationRuntimeStatus.Pending, started.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("welcome", done.Tags["journey"]);
        Assert.Null(withoutInputs!.SerializedInput);
        Assert.Throws<InvalidOperationException>(() => withoutInputs.ReadOutputAs<GreetingResult>());
        var result = done.ReadOutputAs<GreetingResult>()!;
        Assert.Equal(["Hello, Ana! (SayHello)", "Hello, Ana! (SayHello)"], result.Greetings);
        Assert.Equal(id, result.InstanceId);
        Assert.Equal("""{"Name":"Ana","Times":2}""", done.SerializedInput);
        Assert.Equal(2, host.Ledger.Count("Ana", nameof(GreetingFunctions.SayHello)));

        // Three episodes replay the start of the orchestrator; the replay-safe logger writes once.
        Assert.Single(host.Logs.Messages, m => m.EndsWith("Greeting started: 2 greetings", StringComparison.Ordinal));
        Assert.Equal(2, host.Logs.Messages.Count(m => m.EndsWith($"Said hello in {nameof(GreetingFunctions.SayHello)}", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ContinueAsNew_RestartsTheInstanceWithTheNewInputUntilItFinishes()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CountdownFunctions.CountdownOrchestration), 3);
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(CountdownFunctions.Landed, done.ReadOutputAs<int>());
        Assert.Equal("0", done.SerializedInput);
    }

    [Fact]
    public async Task ClassBasedTasks_RegisteredThroughFactories_Run()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DoublingOrchestrator), 21);
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal(42, done.ReadOutputAs<int>());
    }

    [Fact]
    public async Task SubOrchestration_KnowsItsParent_AndActivityFailuresCarryTheirDetails()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FamilyFunctions.ParentOrchestration));
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(
            $"{nameof(FamilyFunctions.ParentOrchestration)}:{id}|{typeof(InvalidOperationException).FullName}|{FamilyFunctions.FailureMessage} (7)",
            done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task UncaughtActivityFailure_FailsTheOrchestrationWithDetails()
    {
        await using var host = await DurableTestHost.StartAsync(output, DurableTestStorage.NewHubName());

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FamilyFunctions.UncaughtFailureOrchestration));
        var done = await Deadline.CompletionAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.NotNull(done.FailureDetails);
        Assert.Contains(nameof(FamilyFunctions.FailingActivity), done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }
}

using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Tests.Apps;

/// <summary>Timer functions of the test app; the schedules that run are the ones the test's metadata gives.</summary>
public sealed class TimerFunctions(Probe probe)
{
    [Function(nameof(Tick))]
    public Task Tick([TimerTrigger("*/1 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        probe.RunAsync(new ProbeCall(nameof(Tick), Guid.NewGuid().ToString("N"), Detail: timer), cancellationToken);
}

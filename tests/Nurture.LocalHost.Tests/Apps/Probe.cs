using System.Collections.Concurrent;

namespace Nurture.LocalHost.Tests.Apps;

/// <summary>
/// What the test app's functions report to and take their behaviour from: one per host (a DI singleton), so each
/// test sees only its own host's invocations.
/// </summary>
public sealed class Probe
{
    public ConcurrentQueue<ProbeCall> Calls { get; } = new();

    public ConcurrentDictionary<string, int> Completed { get; } = new();

    /// <summary>What an invocation does after being recorded; a throw fails it.</summary>
    public Func<ProbeCall, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

    public async Task RunAsync(ProbeCall call, CancellationToken cancellationToken)
    {
        Calls.Enqueue(call);
        await Behaviour(call, cancellationToken);
        Completed.AddOrUpdate(call.Value, 1, (_, n) => n + 1);
    }
}

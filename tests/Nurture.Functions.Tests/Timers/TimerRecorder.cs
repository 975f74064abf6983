using System.Collections.Concurrent;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Tests.Timers;

/// <summary>Records each timer invocation: which host ran it, when, and what it was told.</summary>
public sealed class TimerRecorder
{
    public ConcurrentQueue<(string Host, DateTimeOffset At, TimerInfo Info)> Runs { get; } = new();

    public TimerFunctionHandler Handler(string host, Exception? failWith = null) => (info, _) =>
    {
        Runs.Enqueue((host, DateTimeOffset.UtcNow, info));
        return failWith is null ? Task.CompletedTask : Task.FromException(failWith);
    };
}

namespace Nurture.LocalHost.Tests.Apps;

/// <summary>One invocation seen by the probe.</summary>
public sealed record ProbeCall(string Function, string Value, long DequeueCount = 0, object? Detail = null)
{
    public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;
}

using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.LocalHost.Tests.Support;

/// <summary>Waits for a condition by polling with a deadline, never by sleeping a fixed time.</summary>
public static class Eventually
{
    /// <summary>Long enough for a busy shared machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    public static Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) => Poll.UntilAsync(condition, timeout ?? Deadline, what);

    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout);
}

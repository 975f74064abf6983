namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes: how tests wait for asynchronous work.</summary>
public static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> is true; fails the test with <paramref name="what"/> at the deadline.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition().ConfigureAwait(false))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {timeout.TotalSeconds:F0} s waiting until {what}.");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Synchronous-condition overload.</summary>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, what);
}

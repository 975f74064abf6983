namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>Waiting for asynchronous outcomes by polling with a deadline, never by sleeping a fixed time.</summary>
public static class Poll
{
    /// <summary>Polls until the probe returns non-null, failing with <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what = "the condition", TimeSpan? interval = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            if (await probe().ConfigureAwait(false) is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {deadline.TotalSeconds:F1} s.");
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        }
    }

    /// <summary>Polls until the condition holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan deadline, string what = "the condition", TimeSpan? interval = null) =>
        UntilAsync<object>(async () => await condition().ConfigureAwait(false) ? new object() : null, deadline, what, interval);
}

using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>Waits for a condition by polling with a deadline (the shared <see cref="Poll"/>), never by sleeping a fixed time.</summary>
public static class Eventually
{
    /// <summary>Polls until the condition holds; fails the test naming <paramref name="what"/> at the deadline.</summary>
    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => Poll.UntilAsync(condition, timeout, what);

    /// <summary>Polls until the condition holds; fails the test naming <paramref name="what"/> at the deadline.</summary>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, what);

    /// <summary>Polls until <paramref name="read"/> gives a value and returns it; fails the test naming <paramref name="what"/> at the deadline.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> read, TimeSpan timeout, string what)
        where T : class
    {
        T? value = null;
        await HoldsAsync(async () => (value = await read()) is not null, timeout, what);
        return value!;
    }
}

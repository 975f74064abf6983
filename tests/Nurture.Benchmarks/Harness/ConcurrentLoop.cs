namespace Nurture.Benchmarks.Harness;

/// <summary>
/// Runs an operation a fixed number of times on a fixed number of workers that share one counter, so the
/// workers stay busy until the last operation is taken (the JavaScript side's <c>loop</c> does the same).
/// </summary>
public static class ConcurrentLoop
{
    /// <summary>Runs <paramref name="operation"/> for indexes 0..count-1 on <paramref name="concurrency"/> workers.</summary>
    public static Task RunAsync(int count, int concurrency, Func<int, CancellationToken, Task> operation, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        ArgumentNullException.ThrowIfNull(operation);
        var next = -1;
        var workers = new Task[Math.Min(concurrency, Math.Max(count, 1))];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(
                async () =>
                {
                    int index;
                    while ((index = Interlocked.Increment(ref next)) < count)
                    {
                        ct.ThrowIfCancellationRequested();
                        await operation(index, ct).ConfigureAwait(false);
                    }
                },
                ct);
        }

        return Task.WhenAll(workers);
    }
}

namespace Nurture.Storage;

/// <summary>
/// Runs an initialisation (creating tables and queues) once per instance, however many callers race to it; a
/// failed attempt is not remembered, so the next caller tries again.
/// </summary>
public sealed class InitializeOnce : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _done;

    /// <summary>Runs <paramref name="initialize"/> unless it has already succeeded.</summary>
    /// <param name="initialize">The initialisation.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task RunAsync(Func<CancellationToken, Task> initialize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        if (_done)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_done)
            {
                await initialize(cancellationToken).ConfigureAwait(false);
                _done = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();
}

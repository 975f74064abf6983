using Microsoft.Extensions.Hosting;

namespace Nurture.LocalHost.Hosting;

/// <summary>
/// A background service that drains on stop: its loops stop taking new work when the stopping token fires, and the
/// handlers still running are cancelled through <see cref="Abort"/> only once the host's shutdown timeout runs out.
/// </summary>
internal abstract class DrainingService : BackgroundService
{
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Cancelled when the host gives up waiting for in-flight work (the stop's own token fires).</summary>
    protected CancellationToken Abort => _abort.Token;

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var abortAtTimeout = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}

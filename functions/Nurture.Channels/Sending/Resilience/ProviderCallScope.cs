using System.Net;

namespace Nurture.Channels.Sending.Resilience;

/// <summary>
/// What one provider call learned at the HTTP level, for the channel that made it: the last status and the wait
/// the provider asked for. The SDKs do not surface response headers on errors (Twilio throws without them), so
/// <see cref="AttemptRecorder"/> writes them here; it also carries the caller's cancellation into SDK calls
/// that take no token.
/// </summary>
/// <remarks>One scope per call, flowing with the async context; scopes of concurrent calls never meet.</remarks>
internal sealed class ProviderCallScope : IDisposable
{
    private static readonly AsyncLocal<ProviderCallScope?> CurrentScope = new();

    private readonly ProviderCallScope? _outer;

    private ProviderCallScope(CancellationToken cancellationToken)
    {
        CancellationToken = cancellationToken;
        _outer = CurrentScope.Value;
        CurrentScope.Value = this;
    }

    /// <summary>The scope of the call in progress on this async flow, if any.</summary>
    public static ProviderCallScope? Current => CurrentScope.Value;

    /// <summary>The caller's cancellation.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The status of the last response, if one arrived.</summary>
    public HttpStatusCode? LastStatus { get; set; }

    /// <summary>The wait the last response asked for, if any.</summary>
    public TimeSpan? RequestedDelay { get; set; }

    /// <summary>Whether an attempt failed after its request may have reached the provider (timeout, broken connection).</summary>
    public bool RequestMayHaveArrived { get; set; }

    /// <summary>Starts a scope for one call.</summary>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static ProviderCallScope Begin(CancellationToken cancellationToken) => new(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => CurrentScope.Value = _outer;
}

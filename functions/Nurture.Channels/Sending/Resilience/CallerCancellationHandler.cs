namespace Nurture.Channels.Sending.Resilience;

/// <summary>
/// The outermost handler of a provider's HTTP client: links the caller's cancellation (from
/// <see cref="ProviderCallScope"/>) into the request, since the Twilio SDK's calls take no cancellation token.
/// </summary>
internal sealed class CallerCancellationHandler : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (ProviderCallScope.Current is not { } scope || !scope.CancellationToken.CanBeCanceled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, scope.CancellationToken);
        return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
    }
}

namespace Nurture.Functions.Tests.Delivery;

/// <summary>Sends a client's requests to the loopback fake instead of the provider's host (Twilio's SDK has no base-URL setting).</summary>
public sealed class RedirectToLoopback(string target) : DelegatingHandler
{
    private readonly Uri _target = new(target);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = _target.Scheme, Host = _target.Host, Port = _target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}

namespace Nurture.Channels.Tests.Infrastructure;

/// <summary>
/// Sends every request to the fake instead of the host it names, keeping path and query: the Twilio SDK builds
/// <c>https://api.twilio.com/...</c> itself and has no base-URL setting, so its HTTP client gets this handler in tests.
/// </summary>
/// <param name="target">The fake's base URL.</param>
internal sealed class LoopbackRedirectHandler(string target) : DelegatingHandler
{
    private readonly Uri _target = new(target);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.RequestUri = new UriBuilder(original) { Scheme = _target.Scheme, Host = _target.Host, Port = _target.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}

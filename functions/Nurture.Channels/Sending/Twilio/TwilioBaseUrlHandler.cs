namespace Nurture.Channels.Sending.Twilio;

/// <summary>
/// Sends the Twilio SDK's requests to <see cref="TwilioOptions.BaseUrl"/> instead of the host the SDK builds into
/// every URL (it has no base-URL setting of its own); with Twilio's own root it changes nothing.
/// </summary>
/// <param name="baseUrl">The root to send to.</param>
internal sealed class TwilioBaseUrlHandler(Uri baseUrl) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { } uri && !(uri.Scheme == baseUrl.Scheme && uri.Host == baseUrl.Host && uri.Port == baseUrl.Port))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}

using System.Net.Sockets;

namespace Nurture.Channels.Sending.Resilience;

/// <summary>
/// The handler inside the retry pipeline: records each attempt's status and requested wait in the current
/// <see cref="ProviderCallScope"/>, and whether an attempt failed after its request may have reached the provider.
/// </summary>
internal sealed class AttemptRecorder(TimeProvider clock) : DelegatingHandler
{
    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = ProviderCallScope.Current;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (scope is not null)
            {
                scope.LastStatus = response.StatusCode;
                scope.RequestedDelay = RetryDelays.Requested(response.Headers, clock.GetUtcNow());
            }

            return response;
        }
        catch (Exception e) when (scope is not null && !IsRefusedBeforeSending(e))
        {
            scope.RequestMayHaveArrived = true;
            throw;
        }
    }

    /// <summary>True when the request certainly never reached the provider (no connection, no name, no TLS).</summary>
    /// <param name="e">What the attempt threw.</param>
    internal static bool IsRefusedBeforeSending(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
        || e is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } };
}

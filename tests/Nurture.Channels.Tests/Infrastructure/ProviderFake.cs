using System.Net;
using System.Net.Sockets;
using WireMock.Logging;
using WireMock.Server;
using WireMock.Settings;

namespace Nurture.Channels.Tests.Infrastructure;

/// <summary>A WireMock.Net server on a free loopback port standing in for SendGrid or Twilio at their HTTP boundary.</summary>
internal sealed class ProviderFake : IDisposable
{
    private static readonly HttpClient WarmUpClient = new();

    private ProviderFake(WireMockServer server, string url)
    {
        Server = server;
        Url = url;
    }

    /// <summary>The server, for mappings.</summary>
    public WireMockServer Server { get; }

    /// <summary>The base URL (<c>http://127.0.0.1:port</c>).</summary>
    public string Url { get; }

    /// <summary>The requests received, oldest first.</summary>
    public IReadOnlyList<ILogEntry> Requests => Server.LogEntries.OrderBy(e => e.RequestMessage.DateTime).ToList();

    /// <summary>Starts a fake on a free loopback port (never on every interface).</summary>
    public static ProviderFake Start()
    {
        var port = FreePort();
        var url = "http://127.0.0.1:" + port;
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = [url], StartAdminInterface = false });

        // The first request to a fresh server is slow on a busy machine; take it here, not in the test's timed calls.
        using (WarmUpClient.GetAsync(url + "/__warm-up").GetAwaiter().GetResult())
        {
        }

        server.ResetLogEntries();
        return new ProviderFake(server, url);
    }

    /// <summary>Waits (polling, with a deadline) until at least <paramref name="count"/> requests were logged; WireMock logs a request once it has answered it.</summary>
    public async Task<IReadOnlyList<ILogEntry>> WaitForRequestsAsync(int count, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(15));
        while (Server.LogEntries.Count() < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return Requests;
    }

    /// <inheritdoc />
    public void Dispose() => Server.Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>
/// A provider faked at HTTP on 127.0.0.1 with WireMock.Net on a free port: one catch-all mapping records every request
/// as it arrives (before answering, so a caller killed mid-request is still counted) and answers with what the test
/// says, so the app's real SDK clients talk to it over the wire.
/// </summary>
public sealed class WireMockProvider : IAsyncDisposable
{
    private readonly WireMockServer _server;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private WireMockProvider(WireMockServer server, string baseUrl)
    {
        _server = server;
        BaseUrl = baseUrl;
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(Handle));
    }

    /// <summary>Where it listens (<c>http://127.0.0.1:port</c>).</summary>
    public string BaseUrl { get; }

    /// <summary>How the fake answers; replace it at any time.</summary>
    public Func<ReceivedRequest, ProviderAnswer> Answer { get; set; } = _ => new ProviderAnswer(404);

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    /// <summary>Starts the fake on a free loopback port (never on every interface).</summary>
    public static Task<WireMockProvider> StartAsync()
    {
        var url = "http://127.0.0.1:" + FreePort();
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = [url], StartAdminInterface = false, MaxRequestLogCount = 0 });
        return Task.FromResult(new WireMockProvider(server, url));
    }

    private IResponseMessage Handle(IRequestMessage request)
    {
        var query = request.RawQuery is { Length: > 0 } raw ? (raw.StartsWith('?') ? raw : "?" + raw) : string.Empty;
        var received = new ReceivedRequest(
            request.Method,
            request.Path + query,
            request.Headers?.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase) ?? new Dictionary<string, string>(),
            request.Body ?? string.Empty);
        _received.Enqueue(received);
        var answer = Answer(received);
        var response = new ResponseMessage { StatusCode = answer.Status };
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            response.AddHeader(name, value);
        }

        if (answer.Body.Length > 0)
        {
            response.AddHeader("Content-Type", answer.ContentType);
            response.BodyData = new BodyData { BodyAsString = answer.Body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
        }

        return response;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

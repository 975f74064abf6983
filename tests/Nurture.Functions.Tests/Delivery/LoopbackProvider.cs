using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>One request the fake received, as it came over the wire.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>The fake's answer to one request.</summary>
public sealed record ProviderAnswer(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json");

/// <summary>
/// A provider faked at HTTP on 127.0.0.1 (Kestrel on a free port): records every request and answers with what the
/// test says, so the app's real SDK clients talk to it over the wire.
/// </summary>
public sealed class LoopbackProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    private LoopbackProvider(WebApplication app) => _app = app;

    /// <summary>Where it listens.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>How the fake answers; replace it at any time.</summary>
    public Func<ReceivedRequest, ProviderAnswer> Answer { get; set; } = _ => new ProviderAnswer(404);

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    /// <summary>Starts the fake.</summary>
    public static async Task<LoopbackProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new LoopbackProvider(app);
        app.Run(provider.HandleAsync);
        await app.StartAsync();
        provider.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new ReceivedRequest(
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        _received.Enqueue(request);
        var answer = Answer(request);
        context.Response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

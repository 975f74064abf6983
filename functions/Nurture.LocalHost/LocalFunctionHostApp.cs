using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Hosting;

namespace Nurture.LocalHost;

/// <summary>A built local host: start and stop it, or run it until Ctrl+C / SIGTERM.</summary>
public sealed class LocalFunctionHostApp : IHost, IAsyncDisposable
{
    private readonly WebApplication _app;

    internal LocalFunctionHostApp(WebApplication app, LocalFunctionCatalog catalog, string urls)
    {
        _app = app;
        Catalog = catalog;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalFunctionHostApp>();
        app.Lifetime.ApplicationStarted.Register(() => FunctionLog.HostStarted(
            logger,
            catalog.Functions.Count,
            catalog.Http.Count(),
            catalog.Queues.Count(),
            catalog.Timers.Count(),
            catalog.Durable.Count(),
            string.Join(' ', Addresses.DefaultIfEmpty(new Uri(urls.Split(';')[0])))));
    }

    /// <summary>The host's services (the app's included).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The host's configuration.</summary>
    public IConfiguration Configuration => _app.Configuration;

    /// <summary>The functions it runs.</summary>
    public LocalFunctionCatalog Catalog { get; }

    /// <summary>Where Kestrel listens, once started (actual ports, also for <c>:0</c>).</summary>
    public IReadOnlyList<Uri> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];

    /// <summary>The first address, for clients: a wildcard host becomes 127.0.0.1; ends with '/'.</summary>
    public Uri BaseAddress
    {
        get
        {
            var first = Addresses.FirstOrDefault() ?? throw new InvalidOperationException("The host is not listening yet; start it first.");
            var host = first.Host is "0.0.0.0" or "[::]" or "+" or "*" ? "127.0.0.1" : first.Host;
            return new UriBuilder(first.Scheme, host, first.Port, "/").Uri;
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Runs until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>, then shuts down gracefully.</summary>
    public Task RunAsync(CancellationToken cancellationToken = default) => _app.RunAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => ((IDisposable)_app).Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

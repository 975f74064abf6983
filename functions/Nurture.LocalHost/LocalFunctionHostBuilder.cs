using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Hosting;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Metadata;
using Nurture.Storage.Connections;

namespace Nurture.LocalHost;

/// <summary>Configures a local host before it is built, like <see cref="WebApplicationBuilder"/>.</summary>
public sealed class LocalFunctionHostBuilder
{
    private readonly WebApplicationBuilder _web;
    private readonly int _hostServices;
    private bool _built;

    internal LocalFunctionHostBuilder(WebApplicationBuilder web, LocalAppDescription app)
    {
        _web = web;
        App = app;
        _hostServices = web.Services.Count;
    }

    /// <summary>The app being run.</summary>
    public LocalAppDescription App { get; }

    /// <summary>The configuration; sources added here (e.g. in-memory settings in tests) take precedence over the command line.</summary>
    public ConfigurationManager Configuration => _web.Configuration;

    /// <summary>
    /// The services. Registrations made here are applied after the app's own (<see cref="LocalAppDescription.ConfigureServices"/>),
    /// so they replace them: tests swap in their storage or fakes this way.
    /// </summary>
    public IServiceCollection Services => _web.Services;

    /// <summary>The logging setup.</summary>
    public ILoggingBuilder Logging => _web.Logging;

    /// <summary>The hosting environment.</summary>
    public IWebHostEnvironment Environment => _web.Environment;

    /// <summary>
    /// Reads the metadata, checks every function can be bound and every <c>%Setting%</c> resolves, registers the app's
    /// services and the triggers, and builds the host.
    /// </summary>
    /// <exception cref="FunctionCatalogException">Functions cannot run; each problem names the function (and parameter or setting).</exception>
    public LocalFunctionHostApp Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("This builder was already built.");
        }

        _built = true;
        var configuration = _web.Configuration;
        var catalog = FunctionCatalogLoader.Load(FunctionMetadataReader.Read(App.MetadataPath), App.AppAssembly, configuration);

        // The app's registrations go between the host's and the caller's, so the caller's overrides win.
        var overrides = _web.Services.Skip(_hostServices).ToList();
        foreach (var descriptor in overrides)
        {
            _web.Services.Remove(descriptor);
        }

        _web.Services.AddTriggers(catalog, configuration);
        App.ConfigureServices?.Invoke(_web.Services, configuration);
        foreach (var descriptor in overrides)
        {
            _web.Services.Add(descriptor);
        }

        var urls = ListenUrls.Resolve(configuration);
        var hostOptions = configuration.GetSection(LocalHostOptions.Section).Get<LocalHostOptions>() ?? new LocalHostOptions();
        _web.WebHost.UseUrls(urls);
        _web.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = hostOptions.MaxRequestBodyBytes);
        var app = _web.Build();
        CheckStorage(app.Services, catalog);
        app.UseStatusCodePages(StatusCodeProblems.Handler(HttpFunctionEndpoints.RoutePrefix(app.Services)));
        app.MapHttpFunctions();
        return new LocalFunctionHostApp(app, catalog, urls);
    }

    private static void CheckStorage(IServiceProvider services, LocalFunctionCatalog catalog)
    {
        // A missing or malformed connection setting stops the host here, with a message naming the setting.
        var storage = services.GetRequiredService<IStorageConnections>();
        var names = catalog.Queues.Select(q => q.Connection);
        if (catalog.Timers.Any())
        {
            names = names.Append(StorageConnectionSettings.DefaultConnectionName);
        }

        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            _ = storage.Get(name);
        }
    }
}

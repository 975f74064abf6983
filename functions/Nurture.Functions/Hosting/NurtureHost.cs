using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Catalog;
using Nurture.Functions.CustomHandler;
using Nurture.Functions.Http;
using Nurture.Storage.Connections;

namespace Nurture.Functions.Hosting;

/// <summary>
/// Builds the web app that runs the catalog, in standalone mode (Kestrel on <c>Host:Urls</c>, own queue listener and
/// timers) or custom-handler mode (Kestrel on <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, invocations from the Functions host).
/// </summary>
public static class NurtureHost
{
    /// <summary>
    /// A builder with <c>host.json</c> and <c>local.settings.json</c> in configuration and the runtime registered.
    /// Add functions (and configuration overrides) to it, then call <see cref="Build"/>.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        HostJsonConfiguration.AddFunctionsHostFiles(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection(HostJsonConfiguration.HostJsonSection + ":logging"));
        builder.Services.AddFunctionRuntime();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>Configures Kestrel for the mode, builds the app, checks the catalog and maps the endpoints.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var mode = FunctionHostModes.From(configuration);
        var hostOptions = configuration.GetSection(FunctionHostOptions.Section).Get<FunctionHostOptions>() ?? new FunctionHostOptions();
        if (mode == FunctionHostMode.CustomHandler)
        {
            builder.WebHost.UseUrls($"http://127.0.0.1:{configuration[FunctionHostModes.CustomHandlerPortSetting]}");
        }
        else if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(hostOptions.Urls);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = hostOptions.MaxRequestBodyBytes);
        var app = builder.Build();
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        catalog.Validate();

        // A missing or malformed storage setting stops the app here, with a message naming the setting.
        var storage = app.Services.GetRequiredService<IStorageAccounts>();
        _ = storage.GetTableService(StorageConnectionSettings.DefaultConnectionName);
        _ = storage.GetQueueService(StorageConnectionSettings.DefaultConnectionName);
        app.UseStatusCodePages();
        app.MapHttpFunctions(mode);
        if (mode == FunctionHostMode.CustomHandler)
        {
            app.MapCustomHandlerInvocations();
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NurtureHost));
        app.Lifetime.ApplicationStarted.Register(() => FunctionLog.HostStarted(logger, mode, catalog.Functions.Count));
        return app;
    }

    /// <summary>Writes the Azure Functions metadata of the builder's catalog into <paramref name="outputFolder"/>.</summary>
    public static IReadOnlyList<string> WriteFunctionMetadata(WebApplicationBuilder builder, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        using var services = builder.Services.BuildServiceProvider();
        return FunctionMetadataWriter.Write(services.GetRequiredService<FunctionCatalog>(), outputFolder);
    }
}

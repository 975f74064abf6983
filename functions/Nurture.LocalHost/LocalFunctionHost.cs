using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Nurture.LocalHost.Hosting;

namespace Nurture.LocalHost;

/// <summary>
/// Runs an isolated-worker Functions app's compiled function classes without the Functions host: HTTP functions on
/// Kestrel, queue triggers on Azure.Storage.Queues, timers with a storage lease, orchestrations and activities on
/// the Durable Task Framework, all from the app's <c>functions.metadata</c> and <c>host.json</c>.
/// </summary>
public static class LocalFunctionHost
{
    /// <summary>
    /// A builder with configuration as the Functions host reads it (host.json under <c>AzureFunctionsJobHost</c>,
    /// local.settings.json <c>Values</c>, then appsettings, environment variables and <paramref name="args"/>) and the
    /// host's services registered. Add settings and service overrides to it, then call <see cref="LocalFunctionHostBuilder.Build"/>.
    /// </summary>
    /// <param name="args">Command-line arguments (<c>--urls</c>, <c>--Key=Value</c> settings).</param>
    /// <param name="app">The app to run.</param>
    public static LocalFunctionHostBuilder CreateBuilder(string[] args, LocalAppDescription app)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(app);
        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        var localSettings = app.LocalSettingsPath ?? HostJsonConfiguration.FindLocalSettings(web.Environment.ContentRootPath);
        HostJsonConfiguration.AddFunctionsHostFiles(web.Configuration, app.HostJsonPath, localSettings);
        web.Logging.AddConfiguration(web.Configuration.GetSection(HostJsonConfiguration.HostJsonSection + ":logging"));
        web.Services.AddLocalHostRuntime();
        return new LocalFunctionHostBuilder(web, app);
    }
}

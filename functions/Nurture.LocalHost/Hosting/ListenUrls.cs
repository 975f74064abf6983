using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace Nurture.LocalHost.Hosting;

/// <summary>
/// Where the host listens: ASP.NET Core's own <c>urls</c> key (<c>--urls</c> on the command line, or the
/// <c>ASPNETCORE_URLS</c> / <c>DOTNET_URLS</c> environment variables) wins, then the <c>Host:Urls</c> setting, then
/// <see cref="LocalHostOptions.DefaultUrls"/>.
/// </summary>
/// <remarks>
/// The project has no <c>launchSettings.json</c> on purpose: <c>dotnet run</c> would otherwise put its
/// <c>applicationUrl</c> into <c>ASPNETCORE_URLS</c> and silently override both settings.
/// </remarks>
public static class ListenUrls
{
    /// <summary>The URLs in effect for <paramref name="configuration"/>.</summary>
    public static string Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[WebHostDefaults.ServerUrlsKey] is { } urls && !string.IsNullOrWhiteSpace(urls))
        {
            return urls;
        }

        return configuration[$"{LocalHostOptions.Section}:{nameof(LocalHostOptions.Urls)}"] is { } setting && !string.IsNullOrWhiteSpace(setting)
            ? setting
            : LocalHostOptions.DefaultUrls;
    }
}

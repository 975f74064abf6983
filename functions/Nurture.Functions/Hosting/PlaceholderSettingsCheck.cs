using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Hosting;

/// <summary>
/// Refuses to start outside the Development environment while a setting still holds a placeholder of
/// <c>local.settings.sample.json</c> (<c>replace-with-...</c>), naming every such setting; in Development it logs one
/// warning per setting and starts.
/// </summary>
/// <remarks>
/// The environment is Functions' own <c>AZURE_FUNCTIONS_ENVIRONMENT</c> setting when present (Core Tools set it to
/// Development; <c>local.settings.sample.json</c> does too), else the host's environment name.
/// </remarks>
public sealed partial class PlaceholderSettingsCheck(IConfiguration configuration, IHostEnvironment environment, ILogger<PlaceholderSettingsCheck> logger) : IHostedService
{
    /// <summary>The Functions setting that names the environment.</summary>
    public const string EnvironmentSetting = "AZURE_FUNCTIONS_ENVIRONMENT";

    /// <summary>What every placeholder of the sample settings contains.</summary>
    public const string Marker = "replace-with-";

    /// <summary>The settings that still hold a placeholder, by their configuration path (<c>Ingestion:ShopifySecret</c>), sorted.</summary>
    /// <param name="configuration">The configuration.</param>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.AsEnumerable()
            .Where(setting => setting.Value?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var placeholders = Find(configuration);
        if (placeholders.Count == 0)
        {
            return Task.CompletedTask;
        }

        var name = configuration[EnvironmentSetting] is { Length: > 0 } functions ? functions : environment.EnvironmentName;
        if (!string.Equals(name, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"These settings still hold a placeholder ('{Marker}...') in the {name} environment; set real values: {string.Join(", ", placeholders)}.");
        }

        foreach (var setting in placeholders)
        {
            StillPlaceholder(logger, setting);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Setting {Setting} still holds a placeholder; fine in Development, refused elsewhere")]
    private static partial void StillPlaceholder(ILogger logger, string setting);
}

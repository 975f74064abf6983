using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Nurture.LocalHost.Hosting;

/// <summary>
/// Reads <c>host.json</c> and <c>local.settings.json</c> into configuration the way the Functions host and Core
/// Tools do: <c>host.json</c> under <see cref="HostJsonSection"/> (so <c>AzureFunctionsJobHost__extensions__queues__batchSize</c>
/// overrides it), <c>local.settings.json</c> <c>Values</c> as plain settings. Both go in at the lowest precedence:
/// appsettings, environment variables and the command line win.
/// </summary>
public static class HostJsonConfiguration
{
    /// <summary>The configuration section holding <c>host.json</c>, as named by the Functions host.</summary>
    public const string HostJsonSection = "AzureFunctionsJobHost";

    /// <summary>Core Tools' local settings file.</summary>
    public const string LocalSettingsFileName = "local.settings.json";

    /// <summary>Adds <paramref name="hostJsonPath"/> and, when there is one, <paramref name="localSettingsPath"/> below every other source.</summary>
    /// <exception cref="FileNotFoundException">host.json is missing.</exception>
    /// <exception cref="InvalidDataException">A file is not valid JSON; the message names it.</exception>
    public static void AddFunctionsHostFiles(IConfigurationBuilder configuration, string hostJsonPath, string? localSettingsPath)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(hostJsonPath);
        if (!File.Exists(hostJsonPath))
        {
            throw new FileNotFoundException($"The app's host.json was not found at '{hostJsonPath}'.", hostJsonPath);
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Flatten(hostJsonPath))
        {
            data[$"{HostJsonSection}:{key}"] = value;
        }

        if (localSettingsPath is not null && File.Exists(localSettingsPath))
        {
            const string prefix = "Values:";
            foreach (var (key, value) in Flatten(localSettingsPath))
            {
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    data[key[prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
                }
            }
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = data });
    }

    /// <summary>Core Tools' rule for <c>local.settings.json</c>: the content root, then the app's folder; null when neither has one.</summary>
    public static string? FindLocalSettings(string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        return new[] { contentRoot, AppContext.BaseDirectory }
            .Select(folder => Path.Combine(folder, LocalSettingsFileName))
            .FirstOrDefault(File.Exists);
    }

    private static List<KeyValuePair<string, string?>> Flatten(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var result = new List<KeyValuePair<string, string?>>();
            Flatten(document.RootElement, prefix: null, result);
            return result;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    private static void Flatten(JsonElement element, string? prefix, List<KeyValuePair<string, string?>> result)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", result);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", result);
                }

                break;
            case JsonValueKind.Null:
                result.Add(new(prefix!, null));
                break;
            case JsonValueKind.String:
                result.Add(new(prefix!, element.GetString()));
                break;
            default:
                result.Add(new(prefix!, element.GetRawText()));
                break;
        }
    }
}

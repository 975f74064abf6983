using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Nurture.Functions.Hosting;

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

    /// <summary>The host file's name.</summary>
    public const string HostJsonFileName = "host.json";

    /// <summary>Core Tools' local settings file.</summary>
    public const string LocalSettingsFileName = "local.settings.json";

    /// <summary>Adds both files, found in the content root, the app folder or the nearest parent folder holding them.</summary>
    public static void AddFunctionsHostFiles(IConfigurationManager configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(contentRoot);
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (Find(HostJsonFileName, contentRoot) is { } hostJson)
        {
            foreach (var (key, value) in Flatten(hostJson))
            {
                data[$"{HostJsonSection}:{key}"] = value;
            }
        }

        if (Find(LocalSettingsFileName, contentRoot) is { } localSettings)
        {
            foreach (var (key, value) in Flatten(localSettings))
            {
                const string prefix = "Values:";
                if (key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    data[key[prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = value;
                }
            }
        }

        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = data });
    }

    /// <summary>The file's path: in the content root, the app's base folder, or the closest parent of the content root.</summary>
    public static string? Find(string fileName, string contentRoot)
    {
        foreach (var folder in new[] { contentRoot, AppContext.BaseDirectory })
        {
            var candidate = Path.Combine(folder, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        for (var dir = new DirectoryInfo(contentRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<KeyValuePair<string, string?>> Flatten(string path)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = new List<KeyValuePair<string, string?>>();
        Flatten(document.RootElement, prefix: null, result);
        return result;
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

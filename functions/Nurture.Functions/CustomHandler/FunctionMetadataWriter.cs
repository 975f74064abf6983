using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.CustomHandler;

/// <summary>
/// Writes the catalog's metadata into a publish folder: <c>{Name}/function.json</c> for each function (removing
/// folders of functions no longer in the catalog) and the <c>customHandler</c> section into <c>host.json</c>.
/// </summary>
public static class FunctionMetadataWriter
{
    /// <summary>The command-line switch that runs the writer instead of the host.</summary>
    public const string CommandSwitch = "--generate-function-metadata";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes every file and returns the paths written.</summary>
    public static IReadOnlyList<string> Write(FunctionCatalog catalog, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        var names = new HashSet<string>(catalog.Functions.Select(f => f.Name), StringComparer.OrdinalIgnoreCase);
        foreach (var stale in Directory.EnumerateDirectories(outputFolder))
        {
            if (File.Exists(Path.Combine(stale, FunctionMetadata.FunctionJsonFileName)) && !names.Contains(Path.GetFileName(stale)))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        foreach (var function in catalog.Functions)
        {
            var folder = Path.Combine(outputFolder, function.Name);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, FunctionMetadata.FunctionJsonFileName);
            File.WriteAllText(path, FunctionMetadata.BuildFunctionJson(function).ToJsonString(Indented) + Environment.NewLine);
            written.Add(path);
        }

        var hostJsonPath = Path.Combine(outputFolder, HostJsonConfiguration.HostJsonFileName);
        var hostJson = File.Exists(hostJsonPath)
            ? JsonNode.Parse(File.ReadAllText(hostJsonPath), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject()
            : new JsonObject { ["version"] = "2.0" };
        hostJson["customHandler"] = FunctionMetadata.BuildCustomHandlerSection();
        File.WriteAllText(hostJsonPath, hostJson.ToJsonString(Indented) + Environment.NewLine);
        written.Add(hostJsonPath);
        return written;
    }
}

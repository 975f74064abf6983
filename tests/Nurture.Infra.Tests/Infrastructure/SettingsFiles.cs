using System.Text.Json;
using System.Text.Json.Nodes;

namespace Nurture.Infra.Tests.Infrastructure;

/// <summary>Reads the two lists of settings the coverage tests compare the template with.</summary>
public static class SettingsFiles
{
    /// <summary>The file that lists every setting the app reads, in its <c>Values</c>.</summary>
    public const string SamplePath = "local.settings.sample.json";

    /// <summary>The file that documents settings the template does not provision, with a reason each.</summary>
    public const string NotProvisionedPath = "infra/settings-not-provisioned.json";

    /// <summary>The names of every setting the app reads (the keys of the sample's <c>Values</c>).</summary>
    public static IReadOnlyList<string> SettingsTheAppReads()
    {
        var values = Read(SamplePath)["Values"] as JsonObject
            ?? throw new InvalidOperationException($"{SamplePath} has no Values object.");
        return values.Select(p => p.Key).ToList();
    }

    /// <summary>The settings documented as not provisioned, as name to reason.</summary>
    public static IReadOnlyDictionary<string, string> SettingsNotProvisioned()
    {
        var settings = Read(NotProvisionedPath)["settings"] as JsonObject
            ?? throw new InvalidOperationException($"{NotProvisionedPath} has no settings object.");
        return settings.ToDictionary(p => p.Key, p => (string?)p.Value ?? "", StringComparer.Ordinal);
    }

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static JsonObject Read(string relativePath)
    {
        var path = Path.Combine(RepositoryPaths.Root, relativePath);
        return JsonNode.Parse(File.ReadAllText(path), documentOptions: Lenient)?.AsObject()
            ?? throw new InvalidOperationException($"{relativePath} is empty.");
    }
}

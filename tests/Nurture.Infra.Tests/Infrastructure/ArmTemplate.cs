using System.Text.Json.Nodes;

namespace Nurture.Infra.Tests.Infrastructure;

/// <summary>Reads what a compiled ARM template provisions, in either resource layout Bicep emits.</summary>
/// <param name="Json">The template's root object.</param>
public sealed record ArmTemplate(JsonObject Json)
{
    private const string DeploymentType = "Microsoft.Resources/deployments";
    private const string SiteConfigType = "Microsoft.Web/sites/config";

    /// <summary>The template's parameters by name (each with its <c>type</c>, <c>defaultValue</c>, ...).</summary>
    public IReadOnlyDictionary<string, JsonObject> Parameters =>
        (Json["parameters"]?.AsObject() ?? new JsonObject())
            .ToDictionary(p => p.Key, p => p.Value!.AsObject(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of the parameters whose type is a secure string or secure object.</summary>
    public IReadOnlySet<string> SecureParameters =>
        Parameters.Where(p => ((string?)p.Value["type"])?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(p => p.Key)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The app settings written to the function app, as name to ARM expression: the literal
    /// <c>appSettings</c> object passed to the module that owns the site's <c>appsettings</c> config.
    /// Fails when the template writes app settings in some other way, so the check cannot silently pass.
    /// </summary>
    public IReadOnlyDictionary<string, string> ProvisionedAppSettings()
    {
        var owners = Deployments(Json)
            .Where(d => Resources(d["properties"]?["template"]?.AsObject()).Any(IsAppSettingsConfig))
            .ToList();
        if (owners.Count != 1)
        {
            throw new InvalidOperationException(
                $"Expected exactly one module that writes the function app's appsettings config, found {owners.Count}.");
        }

        var properties = owners[0]["properties"]!;
        var config = Resources(properties["template"]!.AsObject()).Single(IsAppSettingsConfig);
        if (config["properties"]?.ToString().Contains("parameters('appSettings')", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException("The appsettings config does not take its values from the module's appSettings parameter.");
        }

        var literal = properties["parameters"]?["appSettings"]?["value"] as JsonObject
            ?? throw new InvalidOperationException("The module's appSettings parameter is not a literal object: its keys cannot be read.");
        return literal.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal);
    }

    /// <summary>
    /// The resources of a template: an array in language version 1.0, an object keyed by symbolic name in
    /// 2.0 (which Bicep emits for user-defined functions and types).
    /// </summary>
    public static IEnumerable<JsonObject> Resources(JsonObject? template) =>
        template?["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

    private static IEnumerable<JsonObject> Deployments(JsonObject template)
    {
        foreach (var resource in Resources(template))
        {
            if ((string?)resource["type"] == DeploymentType)
            {
                yield return resource;
                foreach (var nested in Deployments(resource["properties"]?["template"]?.AsObject() ?? new JsonObject()))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsAppSettingsConfig(JsonObject resource) =>
        (string?)resource["type"] == SiteConfigType &&
        resource["name"]?.ToString().Contains("appsettings", StringComparison.OrdinalIgnoreCase) == true;
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Nurture.Infra.Tests.Infrastructure;

namespace Nurture.Infra.Tests;

/// <summary>azure.yaml and infra/main.parameters.json, the two files azd reads, agree with the repository and the template.</summary>
public sealed class AzdProjectTests
{
    [Fact]
    public async Task AzdParameters_NameOnlyParametersOfTheTemplate()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "main.parameters.json")))!["parameters"]!.AsObject();
        var template = await MainTemplate.GetAsync();

        var unknown = parameters.Select(p => p.Key).Where(name => !template.Parameters.ContainsKey(name)).ToList();

        Assert.NotEmpty(parameters);
        Assert.True(unknown.Count == 0, $"infra/main.parameters.json sets parameters main.bicep does not declare: {string.Join(", ", unknown)}");
    }

    [Fact]
    public void AzureYaml_PointsAtTheFunctionsProjectAndTheInfraTemplate()
    {
        var yaml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "azure.yaml"));

        var project = YamlValue(yaml, "project");
        var infraPath = YamlValue(yaml, "path");
        var module = YamlValue(yaml, "module");

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, project), "*.csproj"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, infraPath, $"{module}.bicep")), $"azure.yaml names {infraPath}/{module}.bicep");
        Assert.Equal("function", YamlValue(yaml, "host"));
        Assert.Equal("dotnet", YamlValue(yaml, "language"));
    }

    private static string YamlValue(string yaml, string key)
    {
        var match = Regex.Match(yaml, $@"^\s*{key}:\s*(?<value>\S+)\s*$", RegexOptions.Multiline);
        Assert.True(match.Success, $"azure.yaml has no '{key}:'");
        return match.Groups["value"].Value.Trim('"', '\'');
    }
}

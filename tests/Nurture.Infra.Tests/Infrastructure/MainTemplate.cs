using System.Text.Json.Nodes;

namespace Nurture.Infra.Tests.Infrastructure;

/// <summary><c>infra/main.bicep</c> as the ARM template the compiler made of it.</summary>
public static class MainTemplate
{
    /// <summary>The compiled template; fails with the compiler's output when main.bicep does not build.</summary>
    public static async Task<ArmTemplate> GetAsync()
    {
        var compiled = await CompiledInfra.GetAsync();
        var path = Path.Combine(compiled.OutputFolder, "main.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"main.bicep did not compile:{Environment.NewLine}{compiled.Run.Describe()}");
        }

        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))
            ?? throw new InvalidOperationException("The compiled main.json is empty.");
        return new ArmTemplate(json.AsObject());
    }
}

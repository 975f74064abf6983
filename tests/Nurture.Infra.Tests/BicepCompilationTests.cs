using System.Text.RegularExpressions;
using Nurture.Infra.Tests.Infrastructure;

namespace Nurture.Infra.Tests;

/// <summary>Every template under infra/ compiles, lints and is formatted, with no diagnostic at all.</summary>
public sealed partial class BicepCompilationTests
{
    [Fact]
    public async Task Build_EveryBicepFile_CompilesWithoutAnyDiagnostic()
    {
        var compiled = await CompiledInfra.GetAsync();

        Assert.True(compiled.Run.IsClean, compiled.Run.Describe());
        Assert.Equal(RepositoryPaths.BicepFiles(), compiled.CompiledFiles());
    }

    [Fact]
    public async Task Lint_EveryBicepFile_PassesTheRulesOfBicepconfig()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Infra, "bicepconfig.json")), "infra/bicepconfig.json sets the linter rules.");

        var run = await BicepCli.RunAsync(RepositoryPaths.Infra, "lint", "--pattern", "**/*.bicep", "--no-restore");

        Assert.True(run.IsClean, run.Describe());
    }

    [Fact]
    public async Task Format_EveryBicepFile_IsAlreadyFormatted()
    {
        using var copy = new TemporaryFolder();
        foreach (var file in RepositoryPaths.BicepFiles().Append("bicepconfig.json"))
        {
            copy.Write(file, File.ReadAllText(Path.Combine(RepositoryPaths.Infra, file)));
        }

        var run = await BicepCli.RunAsync(copy.Path, "format", "--pattern", "**/*.bicep");

        Assert.True(run.IsClean, run.Describe());
        var unformatted = RepositoryPaths.BicepFiles()
            .Where(file => File.ReadAllText(copy.Combine(file)) != File.ReadAllText(Path.Combine(RepositoryPaths.Infra, file)))
            .ToList();
        Assert.True(unformatted.Count == 0, $"Not formatted the way 'bicep format' writes them: {string.Join(", ", unformatted)}");
    }

    [Fact]
    public async Task Build_TemplateWithOnlyAWarning_IsNotClean()
    {
        // Guards the check above: bicep exits 0 on a warning, and the run must still count as failed.
        using var folder = new TemporaryFolder();
        folder.Write("bicepconfig.json", File.ReadAllText(Path.Combine(RepositoryPaths.Infra, "bicepconfig.json")));
        folder.Write("warning.bicep", """
            param location string = resourceGroup().location

            resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
              name: 'stwarning'
              location: location
              kind: 'StorageV2'
              sku: {
                name: 'Standard_LRS'
              }
              properties: {
                notAStorageProperty: true
              }
            }

            """);

        var run = await BicepCli.RunAsync(folder.Path, "build", "--pattern", "**/*.bicep", "--outdir", folder.Combine("out"), "--no-restore");

        Assert.Equal(0, run.ExitCode);
        Assert.False(run.IsClean, run.Describe());
        Assert.Contains("notAStorageProperty", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Templates_ReferenceNoRegistryModules()
    {
        // Registry modules (br:, br/alias:, ts:) would have to be downloaded; the tests run offline.
        var external = RepositoryPaths.BicepFiles()
            .SelectMany(file => RegistryModule().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Infra, file)))
                .Select(match => $"{file}: {match.Value}"))
            .ToList();

        Assert.True(external.Count == 0, string.Join(Environment.NewLine, external));
    }

    [GeneratedRegex(@"module\s+\w+\s+'(br|ts)[:/][^']*'")]
    private static partial Regex RegistryModule();
}

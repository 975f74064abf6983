namespace Nurture.Infra.Tests.Infrastructure;

/// <summary>
/// Every .bicep file under infra/ compiled once per test run (one compiler process for all of them), into a
/// temporary folder that mirrors infra/ with .json files.
/// </summary>
public static class CompiledInfra
{
    private static readonly Lazy<Task<CompiledInfraResult>> Compiled = new(CompileAsync);

    /// <summary>The compiler run and the folder its templates were written to.</summary>
    public static Task<CompiledInfraResult> GetAsync() => Compiled.Value;

    private static async Task<CompiledInfraResult> CompileAsync()
    {
        var output = new TemporaryFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => output.Dispose();
        var run = await BicepCli.RunAsync(RepositoryPaths.Infra, "build", "--pattern", "**/*.bicep", "--outdir", output.Path, "--no-restore");
        return new CompiledInfraResult(run, output.Path);
    }
}

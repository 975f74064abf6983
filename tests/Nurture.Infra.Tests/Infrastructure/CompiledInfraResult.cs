namespace Nurture.Infra.Tests.Infrastructure;

/// <summary>The result of compiling infra/: the compiler's run and where the ARM templates are.</summary>
/// <param name="Run">The compiler run (check <see cref="BicepRun.IsClean"/>).</param>
/// <param name="OutputFolder">The folder holding one .json template per .bicep file, in infra/'s layout.</param>
public sealed record CompiledInfraResult(BicepRun Run, string OutputFolder)
{
    /// <summary>The .bicep files that produced a template, as paths relative to infra/ with forward slashes.</summary>
    public IReadOnlyList<string> CompiledFiles() =>
        Directory.EnumerateFiles(OutputFolder, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.ChangeExtension(Path.GetRelativePath(OutputFolder, path), ".bicep").Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}

namespace Nurture.Infra.Tests.Infrastructure;

/// <summary>Folders and files of the repository that the infrastructure tests read.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest folder above the test binaries that holds <c>Functions.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The <c>infra</c> folder with the Bicep templates.</summary>
    public static string Infra => Path.Combine(Root, "infra");

    /// <summary>Every <c>.bicep</c> file under <c>infra</c>, as paths relative to it with forward slashes.</summary>
    public static IReadOnlyList<string> BicepFiles() =>
        Directory.EnumerateFiles(Infra, "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Infra, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No Functions.sln found above the test binaries: run the tests from the repository.");
    }
}

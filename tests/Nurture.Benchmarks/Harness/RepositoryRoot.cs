namespace Nurture.Benchmarks.Harness;

/// <summary>Finds the repository root: the nearest folder up from the binaries that holds <c>package.json</c>.</summary>
public static class RepositoryRoot
{
    /// <summary>The root folder; throws when the binaries do not live inside the repository.</summary>
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("No package.json found above the benchmark binaries or the current folder: run from the repository.");
    }
}

using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Publishing;

/// <summary>
/// What <c>make publish</c> hands to Azure: the folder <c>dotnet publish</c> writes holds the Functions host's files,
/// and its <c>functions.metadata</c> declares every function with the trigger, route, methods, queue, schedule and
/// auth level the app is meant to have.
/// </summary>
public sealed class PublishedAppTests : IClassFixture<PublishedAppTests.PublishedFolder>
{
    private readonly PublishedFolder _published;

    public PublishedAppTests(PublishedFolder published) => _published = published;

    [Fact]
    public void Folder_HoldsWhatTheFunctionsHostLoads()
    {
        foreach (var file in new[] { "functions.metadata", "extensions.json", "worker.config.json", "host.json", "Nurture.Functions.dll" })
        {
            Assert.True(File.Exists(Path.Combine(_published.Path, file)), file + " is missing from the publish folder");
        }

        using var worker = JsonDocument.Parse(File.ReadAllText(Path.Combine(_published.Path, "worker.config.json")));
        var description = worker.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("Nurture.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());

        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(_published.Path, "extensions.json")));
        var names = extensions.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToHashSet();
        Assert.Contains("AzureStorageQueues", names);
        Assert.Contains("DurableTask", names);

        var repositoryHostJson = File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot(), "host.json"));
        Assert.Equal(repositoryHostJson, File.ReadAllText(Path.Combine(_published.Path, "host.json")));
    }

    [Fact]
    public void Metadata_DeclaresEveryFunctionAsExpected()
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(_published.Path, "functions.metadata")));
        var declared = metadata.RootElement.EnumerateArray().Select(PublishedFunction.Read).ToDictionary(f => f.Name, StringComparer.Ordinal);

        Assert.Equal(ExpectedFunctions.All.Select(f => f.Name).Order(StringComparer.Ordinal), declared.Keys.Order(StringComparer.Ordinal));
        foreach (var expected in ExpectedFunctions.All)
        {
            Assert.Equal(expected, declared[expected.Name]);
        }
    }

    [Fact]
    public void Metadata_NamesEveryFunctionByItsConstant()
    {
        var constants = typeof(FunctionNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);

        var named = ExpectedFunctions.All.Where(f => f.Trigger is not ("activityTrigger" or "orchestrationTrigger")).Select(f => f.Name);
        Assert.Equal(named.Order(StringComparer.Ordinal), constants);
    }

    /// <summary>Publishes the already built app once for the class (<c>dotnet publish --no-build</c>) to a folder of its own.</summary>
    public sealed class PublishedFolder : IDisposable
    {
        public PublishedFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nurture-publish-" + Guid.NewGuid().ToString("N"));
            var configuration = typeof(PublishedAppTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = NodeScript.RepositoryRoot(),
            };
            foreach (var argument in new[] { "publish", "functions/Nurture.Functions", "-c", configuration, "--no-build", "--no-restore", "-nologo", "-o", Path })
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet publish.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet publish did not finish in 5 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {output.Result}{error.Result}");
            }
        }

        public string Path { get; }

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }
}

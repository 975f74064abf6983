using Microsoft.Extensions.Configuration;
using Nurture.LocalHost.Hosting;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Support;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Hosting;

/// <summary>Where the host listens: <c>--urls</c> / <c>ASPNETCORE_URLS</c>, then <c>Host:Urls</c>, then the Functions default.</summary>
public sealed class ListenUrlsTests(ITestOutputHelper output)
{
    private static readonly string Ping = Of(HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Ping)), "Anonymous", ["get"]));

    [Theory]
    [InlineData(null, null, LocalHostOptions.DefaultUrls)]
    [InlineData(null, "http://127.0.0.1:7100", "http://127.0.0.1:7100")]
    [InlineData("http://127.0.0.1:7200", "http://127.0.0.1:7100", "http://127.0.0.1:7200")]
    [InlineData("http://127.0.0.1:7200", null, "http://127.0.0.1:7200")]
    [InlineData("  ", "http://127.0.0.1:7100", "http://127.0.0.1:7100")]
    public void Resolve_PrefersAspNetCoresUrls_ThenTheHostSetting_ThenTheDefault(string? urls, string? hostUrls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls, ["Host:Urls"] = hostUrls }).Build();

        Assert.Equal(expected, ListenUrls.Resolve(configuration));
    }

    [Fact]
    public async Task HostUrlsSetting_IsWhereTheHostListens()
    {
        var port = LocalTestHost.FreePort();
        await using var host = await LocalTestHost.StartAsync(output, Ping, new Dictionary<string, string?> { ["Host:Urls"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(port, Assert.Single(host.App.Addresses).Port);
        Assert.True((await host.Client.GetAsync("api/Ping")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task UrlsOnTheCommandLine_WinOverTheHostUrlsSetting()
    {
        var port = LocalTestHost.FreePort();
        await using var host = await LocalTestHost.StartAsync(output, Ping, args: [$"--urls=http://127.0.0.1:{port}"]);

        Assert.Equal(port, Assert.Single(host.App.Addresses).Port);
    }

    [Fact]
    public void TheProject_HasNoLaunchSettings_ThatWouldOverrideBoth()
    {
        var project = RepositoryFolder("functions", "Nurture.LocalHost");

        Assert.True(File.Exists(Path.Combine(project, "Nurture.LocalHost.csproj")), $"the project is at {project}");
        Assert.False(File.Exists(Path.Combine(project, "Properties", "launchSettings.json")), "launchSettings.json would put its applicationUrl in ASPNETCORE_URLS under dotnet run");
    }

    private static string RepositoryFolder(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine([folder.FullName, .. parts]);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No {Path.Combine(parts)} above {AppContext.BaseDirectory}.");
    }
}

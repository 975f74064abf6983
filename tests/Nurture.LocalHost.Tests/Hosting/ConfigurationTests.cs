using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Support;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Hosting;

/// <summary>Configuration as the Functions host and Core Tools read it.</summary>
public sealed class ConfigurationTests(ITestOutputHelper output)
{
    private static readonly string Ping = Of(HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Ping)), "Anonymous", ["get"]));

    [Fact]
    public void HostJson_IsUnderAzureFunctionsJobHost_AndLocalSettingsValuesArePlainSettings_BelowTheCommandLine()
    {
        var folder = Directory.CreateTempSubdirectory("nurture-localhost-config-");
        try
        {
            var localSettings = Path.Combine(folder.FullName, "local.settings.json");
            File.WriteAllText(localSettings, """
                { "IsEncrypted": false, "Values": { "FromLocalSettings": "local", "Overridden": "local", "FunctionKeys__Default": "key-from-local-settings" } }
                """);
            var hostJson = Path.Combine(folder.FullName, "host.json");
            File.WriteAllText(hostJson, """{ "version": "2.0", "extensions": { "queues": { "batchSize": 7, "maxPollingInterval": "00:00:03" } } }""");
            File.WriteAllText(Path.Combine(folder.FullName, "functions.metadata"), Ping);
            var app = new LocalAppDescription(typeof(ConfigurationTests).Assembly, Path.Combine(folder.FullName, "functions.metadata"), hostJson) { LocalSettingsPath = localSettings };

            var builder = LocalFunctionHost.CreateBuilder(["--Overridden=command-line", "--AzureFunctionsJobHost:extensions:queues:batchSize=9"], app);

            var configuration = builder.Configuration;
            Assert.Equal("local", configuration["FromLocalSettings"]);
            Assert.Equal("command-line", configuration["Overridden"]);
            Assert.Equal("key-from-local-settings", configuration["FunctionKeys:Default"]);
            Assert.Equal("9", configuration["AzureFunctionsJobHost:extensions:queues:batchSize"]);
            Assert.Equal("00:00:03", configuration["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void MissingHostJson_FailsNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "host.json");
        var app = new LocalAppDescription(typeof(ConfigurationTests).Assembly, "functions.metadata", path);

        var error = Assert.Throws<FileNotFoundException>(() => LocalFunctionHost.CreateBuilder([], app));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidQueueSettingInHostJson_FailsAtStartNamingIt()
    {
        const string hostJson = """{ "version": "2.0", "extensions": { "queues": { "batchSize": 64 } } }""";
        var (builder, folder) = LocalTestHost.CreateBuilder(output, Ping, hostJson: hostJson);
        try
        {
            await using var app = builder.Build();

            var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

            Assert.Contains("extensions.queues.batchSize", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ServicesRegisteredOnTheBuilder_ReplaceTheAppsOwn()
    {
        var mine = new Probe();
        var (builder, folder) = LocalTestHost.CreateBuilder(output, Ping);
        try
        {
            builder.Services.AddSingleton(mine);
            using var app = builder.Build();

            Assert.Same(mine, app.Services.GetProbe());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

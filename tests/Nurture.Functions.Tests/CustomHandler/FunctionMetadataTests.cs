using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Nurture.Functions.Catalog;
using Nurture.Functions.CustomHandler;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.Tests.CustomHandler;

public sealed class FunctionMetadataTests : IDisposable
{
    private const string ProcessOrders = nameof(ProcessOrders);
    private const string NightlyReport = nameof(NightlyReport);
    private const string StartJourney = nameof(StartJourney);
    private const string Removed = nameof(Removed);

    private readonly string _folder = Directory.CreateTempSubdirectory("nurture-metadata-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Write_ProducesOneFunctionJsonPerCatalogFunction_MatchingItsTrigger()
    {
        var catalog = new FunctionCatalog(
            [
                new QueueFunction(ProcessOrders, new QueueTrigger("%OrdersQueue%", "OrdersStorage"), (_, _) => Task.CompletedTask),
                new TimerFunction(NightlyReport, new TimerTrigger("0 0 3 * * *", RunOnStartup: true, UseMonitor: false), (_, _) => Task.CompletedTask),
                new HttpFunction(StartJourney, new HttpTrigger("journeys/{id}/start", ["POST", "PUT"], AuthorizationLevel.Function), (_, _) => Task.FromResult(Results.Ok())),
            ],
            new ConfigurationBuilder().Build());
        Directory.CreateDirectory(Path.Combine(_folder, Removed));
        File.WriteAllText(Path.Combine(_folder, Removed, FunctionMetadata.FunctionJsonFileName), "{}");

        FunctionMetadataWriter.Write(catalog, _folder);

        AssertMatchesCatalog(catalog, _folder);
        Assert.False(Directory.Exists(Path.Combine(_folder, Removed)), "a function no longer in the catalog keeps no function.json");
        var queue = Bindings(ProcessOrders).Single()!;
        Assert.Equal("%OrdersQueue%", queue["queueName"]!.GetValue<string>());
        Assert.Equal("OrdersStorage", queue["connection"]!.GetValue<string>());
        var http = Bindings(StartJourney);
        Assert.Equal(["post", "put"], http[0]!["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Equal("http", http[1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void RepositoryHostJson_CarriesTheGeneratedCustomHandlerSection()
    {
        var path = HostJsonConfiguration.Find(HostJsonConfiguration.HostJsonFileName, AppContext.BaseDirectory)!;
        var hostJson = JsonNode.Parse(File.ReadAllText(path))!;

        Assert.Equal("2.0", hostJson["version"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(FunctionMetadata.BuildCustomHandlerSection(), hostJson["customHandler"]), "host.json customHandler differs from the generated one");
    }

    [Fact]
    public async Task AppCommand_WritesTheAppCatalogsMetadataIntoAPublishFolder()
    {
        File.Copy(HostJsonConfiguration.Find(HostJsonConfiguration.HostJsonFileName, AppContext.BaseDirectory)!, Path.Combine(_folder, HostJsonConfiguration.HostJsonFileName));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Nurture.Functions.dll"));
        info.ArgumentList.Add(FunctionMetadataWriter.CommandSwitch);
        info.ArgumentList.Add(_folder);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        var builder = NurtureHost.CreateBuilder([]);
        builder.Services.AddNurtureFunctions();
        await using var app = builder.Build();
        var catalog = (FunctionCatalog)app.Services.GetService(typeof(FunctionCatalog))!;
        AssertMatchesCatalog(catalog, _folder);
        Assert.Contains(catalog.Functions, f => f.Name == FunctionNames.Health);
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, HostJsonConfiguration.HostJsonFileName)))!;
        Assert.Equal("api", hostJson["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.True(hostJson["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
    }

    /// <summary>Checks every function.json against the catalog, field by field, and that there is no other.</summary>
    private static void AssertMatchesCatalog(FunctionCatalog catalog, string folder)
    {
        var folders = Directory.EnumerateDirectories(folder)
            .Where(d => File.Exists(Path.Combine(d, FunctionMetadata.FunctionJsonFileName)))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.Equal(catalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal), folders);
        foreach (var function in catalog.Functions)
        {
            var bindings = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, function.Name, FunctionMetadata.FunctionJsonFileName)))!["bindings"]!.AsArray();
            var trigger = bindings[0]!;
            Assert.Equal("in", trigger["direction"]!.GetValue<string>());
            Assert.Equal(function.Trigger.BindingType, trigger["type"]!.GetValue<string>());
            switch (function)
            {
                case HttpFunction http:
                    Assert.Equal(2, bindings.Count);
                    Assert.Equal(http.Http.Route ?? http.Name, trigger["route"]!.GetValue<string>());
                    Assert.Equal(http.Http.AuthLevel.ToString(), trigger["authLevel"]!.GetValue<string>(), ignoreCase: true);
                    Assert.Equal(http.Http.Methods.Select(m => m.ToLowerInvariant()), trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
                    Assert.Equal("out", bindings[1]!["direction"]!.GetValue<string>());
                    break;
                case QueueFunction queue:
                    Assert.Single(bindings);
                    Assert.Equal(queue.Queue.QueueName, trigger["queueName"]!.GetValue<string>());
                    Assert.Equal(queue.Queue.Connection, trigger["connection"]!.GetValue<string>());
                    break;
                case TimerFunction timer:
                    Assert.Single(bindings);
                    Assert.Equal(timer.Timer.Schedule, trigger["schedule"]!.GetValue<string>());
                    Assert.Equal(timer.Timer.RunOnStartup, trigger["runOnStartup"]!.GetValue<bool>());
                    Assert.Equal(timer.Timer.UseMonitor, trigger["useMonitor"]?.GetValue<bool>());
                    break;
                default:
                    Assert.Fail($"Unknown function kind {function.GetType().Name}.");
                    break;
            }
        }
    }

    private JsonArray Bindings(string function) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, function, FunctionMetadata.FunctionJsonFileName)), documentOptions: new JsonDocumentOptions())!["bindings"]!.AsArray();
}

using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Samples;
using Nurture.LocalHost.Tests.Support;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Metadata;

/// <summary>What <see cref="LocalFunctionHostBuilder.Build"/> checks before anything starts.</summary>
public sealed class FunctionCatalogTests(ITestOutputHelper output)
{
    [Fact]
    public void Build_ResolvesEachTriggerFromTheMetadata()
    {
        var metadata = Of(
            HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.AdminThing)), "Admin", ["get"], "admin/things/{id}"),
            HttpEntry(Method<HttpFunctions>(nameof(HttpFunctions.Ping)), "anonymous", ["get"]),
            QueueEntry(Method<QueueFunctions>(nameof(QueueFunctions.Work)), "%WorkQueue%"),
            TimerEntry(Method<TimerFunctions>(nameof(TimerFunctions.Tick)), "%TickSchedule%", runOnStartup: true),
            OrchestrationEntry(Method<GreetingFunctions>(nameof(GreetingFunctions.GreetingOrchestration))),
            ActivityEntry(Method<GreetingFunctions>(nameof(GreetingFunctions.SayHello)), "name"));

        var catalog = BuildCatalog(metadata, new() { ["WorkQueue"] = "resolved-queue", ["TickSchedule"] = "0 0 * * * *" });

        var admin = Assert.Single(catalog.Http, f => f.Name == nameof(HttpFunctions.AdminThing));
        Assert.Equal(("admin/things/{id}", AuthorizationLevel.Admin), (admin.Route, admin.AuthLevel));
        Assert.Equal(["GET"], admin.Methods);
        Assert.Equal(nameof(HttpFunctions.Ping), Assert.Single(catalog.Http, f => f.Name == nameof(HttpFunctions.Ping)).Route);
        var queue = Assert.Single(catalog.Queues);
        Assert.Equal(("resolved-queue", "AzureWebJobsStorage"), (queue.QueueName, queue.Connection));
        var timer = Assert.Single(catalog.Timers);
        Assert.Equal(("0 0 * * * *", true, true), (timer.Schedule, timer.RunOnStartup, timer.UseMonitor));
        Assert.Equal([TriggerKind.Orchestration, TriggerKind.Activity], catalog.Durable.Select(f => f.Trigger));
        Assert.True(catalog.UsesDurable);
    }

    [Fact]
    public void Build_ParameterThatCannotBeBound_FailsNamingTheFunctionAndTheParameter()
    {
        var metadata = Of(HttpEntry(Method<BrokenFunctions>(nameof(BrokenFunctions.NeedsLogger)), "Anonymous", ["get"]));

        var error = Assert.Throws<FunctionCatalogException>(() => BuildCatalog(metadata));

        var problem = Assert.Single(error.Problems);
        Assert.StartsWith($"Function '{nameof(BrokenFunctions.NeedsLogger)}'", problem, StringComparison.Ordinal);
        Assert.Contains("parameter 'logger'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReportsEveryBrokenFunctionAtOnce()
    {
        var metadata = Of(
            TimerEntry(Method<BrokenFunctions>(nameof(BrokenFunctions.TimerAsString)), "0 0 * * * *"),
            QueueEntry(Method<BrokenFunctions>(nameof(BrokenFunctions.ReturnsAValue)), "some-queue"),
            HttpEntry(Method<BrokenFunctions>(nameof(BrokenFunctions.RouteValueNotInRoute)), "Anonymous", ["get"], "things"),
            OrchestrationEntry(typeof(UnbindableFunctions).GetMethod(nameof(UnbindableFunctions.OrchestratorWithInputParameter))!));

        var error = Assert.Throws<FunctionCatalogException>(() => BuildCatalog(metadata));

        Assert.Equal(4, error.Problems.Count);
        Assert.Contains(error.Problems, p => p.Contains(nameof(BrokenFunctions.TimerAsString), StringComparison.Ordinal) && p.Contains("TimerInfo", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains(nameof(BrokenFunctions.ReturnsAValue), StringComparison.Ordinal) && p.Contains("returns String", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains(nameof(BrokenFunctions.RouteValueNotInRoute), StringComparison.Ordinal) && p.Contains("parameter 'id'", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.Contains(nameof(UnbindableFunctions.OrchestratorWithInputParameter), StringComparison.Ordinal) && p.Contains("'input'", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_DurableTaskClientWithoutADurableClientBinding_FailsNamingTheParameter()
    {
        var metadata = Of(HttpEntry(Method<DurableClientFunctions>(nameof(DurableClientFunctions.StartGreeting)), "Function", ["post"], "greetings/{name}"));

        var error = Assert.Throws<FunctionCatalogException>(() => BuildCatalog(metadata));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("parameter 'client'", problem, StringComparison.Ordinal);
        Assert.Contains("durableClient", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingSettingInAQueueName_FailsNamingTheSetting()
    {
        var metadata = Of(QueueEntry(Method<QueueFunctions>(nameof(QueueFunctions.Work)), "%NoSuchQueueSetting%"));

        var error = Assert.Throws<FunctionCatalogException>(() => BuildCatalog(metadata));

        Assert.Contains($"Function '{nameof(QueueFunctions.Work)}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'NoSuchQueueSetting'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MissingSettingInASchedule_FailsNamingTheSetting()
    {
        var metadata = Of(TimerEntry(Method<TimerFunctions>(nameof(TimerFunctions.Tick)), "%NoSuchSchedule%"));

        var error = Assert.Throws<FunctionCatalogException>(() => BuildCatalog(metadata));

        Assert.Contains("'NoSuchSchedule'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"Ghost","scriptFile":"Nurture.LocalHost.Tests.dll","entryPoint":"Nurture.LocalHost.Tests.Apps.NoSuchClass.Run","bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Anonymous"}]}""", "no class")]
    [InlineData("""{"name":"Ghost","scriptFile":"Nurture.LocalHost.Tests.dll","entryPoint":"Nurture.LocalHost.Tests.Apps.HttpFunctions.NoSuchMethod","bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Anonymous"}]}""", "no method")]
    [InlineData("""{"name":"Ghost","scriptFile":"other.dll","entryPoint":"Nurture.LocalHost.Tests.Apps.HttpFunctions.Ping","bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Anonymous"}]}""", "not the app assembly")]
    [InlineData("""{"name":"Ghost","scriptFile":"Nurture.LocalHost.Tests.dll","entryPoint":"Nurture.LocalHost.Tests.Apps.HttpFunctions.Ping","bindings":[{"name":"b","direction":"In","type":"blobTrigger","path":"x/{name}"}]}""", "'blobTrigger' is not run")]
    [InlineData("""{"name":"Ghost","scriptFile":"Nurture.LocalHost.Tests.dll","entryPoint":"Nurture.LocalHost.Tests.Apps.HttpFunctions.Ping","bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"System"}]}""", "authLevel 'System'")]
    [InlineData("""{"name":"Ghost","scriptFile":"Nurture.LocalHost.Tests.dll","entryPoint":"Nurture.LocalHost.Tests.Apps.HttpFunctions.Ping","bindings":[{"name":"req","direction":"In","type":"httpTrigger","authLevel":"Anonymous"},{"name":"out","direction":"Out","type":"queue","queueName":"q"}]}""", "binding 'out' of type 'queue'")]
    public void Build_MetadataTheHostCannotRun_FailsNamingTheFunctionAndWhy(string function, string why)
    {
        var error = Assert.Throws<FunctionCatalogException>(() => BuildCatalog($"[{function}]"));

        Assert.Contains("Function 'Ghost'", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    private LocalFunctionCatalog BuildCatalog(string metadata, Dictionary<string, string?>? settings = null)
    {
        var (builder, folder) = LocalTestHost.CreateBuilder(output, metadata, settings);
        try
        {
            using var app = builder.Build();
            return app.Catalog;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Tests.Catalog;

public sealed class FunctionCatalogTests
{
    private const string ProcessOrders = nameof(ProcessOrders);
    private const string NightlyReport = nameof(NightlyReport);

    private static readonly QueueFunctionHandler NoOpQueue = (_, _) => Task.CompletedTask;
    private static readonly TimerFunctionHandler NoOpTimer = (_, _) => Task.CompletedTask;

    [Fact]
    public void ResolveQueueName_ReplacesSettingExpressionsFromConfiguration()
    {
        var catalog = Build(new Dictionary<string, string?> { ["OrdersQueue"] = "orders-eu" }, new QueueFunction(ProcessOrders, new QueueTrigger("%OrdersQueue%"), NoOpQueue));

        var queue = catalog.QueueFunctions.Single();

        Assert.Equal("orders-eu", catalog.ResolveQueueName(queue));
        Assert.Equal("%OrdersQueue%", queue.Queue.QueueName);
    }

    [Fact]
    public void Resolve_CombinesLiteralTextAndSeveralSettings()
    {
        var configuration = Configuration(new Dictionary<string, string?> { ["Env"] = "prod", ["Region"] = "eu" });

        Assert.Equal("jobs-prod-eu", BindingExpressions.Resolve("jobs-%Env%-%Region%", configuration));
    }

    [Fact]
    public void Validate_WhenASettingIsMissing_FailsNamingFunctionAndSetting()
    {
        var catalog = Build([], new QueueFunction(ProcessOrders, new QueueTrigger("%OrdersQueue%"), NoOpQueue));

        var error = Assert.Throws<InvalidOperationException>(catalog.Validate);

        Assert.Contains(ProcessOrders, error.Message, StringComparison.Ordinal);
        Assert.Contains("OrdersQueue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenAScheduleHasFiveFields_FailsNamingTheFunction()
    {
        var catalog = Build([], new TimerFunction(NightlyReport, new TimerTrigger("0 3 * * *"), NoOpTimer));

        var error = Assert.Throws<InvalidOperationException>(catalog.Validate);

        Assert.Contains(NightlyReport, error.Message, StringComparison.Ordinal);
        Assert.Contains("6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenANameIsUsedTwiceInAnyCase_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(
            [],
            new QueueFunction(ProcessOrders, new QueueTrigger("orders"), NoOpQueue),
            new TimerFunction(ProcessOrders.ToUpperInvariant(), new TimerTrigger("0 0 * * * *"), NoOpTimer)));

        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTheQueueNameIsInvalid_Fails()
    {
        var catalog = Build([], new QueueFunction(ProcessOrders, new QueueTrigger("Orders_Queue"), NoOpQueue));

        Assert.Throws<InvalidOperationException>(catalog.Validate);
    }

    [Theory]
    [InlineData("*/10 * * * * *", null, false)]
    [InlineData("0 */5 * * * *", null, true)]
    [InlineData("*/10 * * * * *", true, true)]
    [InlineData("0 0 3 * * *", false, false)]
    public void UsesMonitor_FollowsDeclarationOrTheOncePerMinuteDefault(string schedule, bool? declared, bool expected)
    {
        var catalog = Build([], new TimerFunction(NightlyReport, new TimerTrigger(schedule, UseMonitor: declared), NoOpTimer));
        var timer = catalog.TimerFunctions.Single();

        Assert.Equal(expected, catalog.UsesMonitor(timer, catalog.ResolveSchedule(timer, TimeZoneInfo.Utc)));
    }

    [Fact]
    public void Find_IsCaseInsensitive_AndFunctionsAreOrderedByName()
    {
        var catalog = Build(
            [],
            new TimerFunction(NightlyReport, new TimerTrigger("0 0 3 * * *"), NoOpTimer),
            new HttpFunction(ProcessOrders, new HttpTrigger(null, ["POST"], AuthorizationLevel.Function), (_, _) => Task.FromResult(Results.Ok())));

        Assert.Same(catalog.Functions[0], catalog.Find(NightlyReport.ToLowerInvariant()));
        Assert.Equal([NightlyReport, ProcessOrders], catalog.Functions.Select(f => f.Name));
    }

    private static FunctionCatalog Build(Dictionary<string, string?> settings, params FunctionDefinition[] functions) =>
        new(functions, Configuration(settings));

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.CustomHandler;

public sealed class CustomHandlerTests : IAsyncLifetime
{
    private const string ProcessOrders = nameof(ProcessOrders);
    private const string FailingWorker = nameof(FailingWorker);
    private const string HourlyReport = nameof(HourlyReport);
    private const string StartJourney = nameof(StartJourney);

    private readonly ConcurrentQueue<QueueTriggerMessage> _messages = new();
    private readonly ConcurrentQueue<TimerInfo> _timers = new();
    private readonly string _leaseTable = TestNames.Table("lease");
    private FunctionTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await FunctionTestHost.StartAsync(
            services =>
            {
                services.AddFunction(new QueueFunction(ProcessOrders, new QueueTrigger("%OrdersQueue%"), (message, context) =>
                {
                    _messages.Enqueue(message);
                    context.Logger.LogInformation("Processed order message {MessageId}", message.MessageId);
                    return Task.CompletedTask;
                }));
                services.AddFunction(new QueueFunction(FailingWorker, new QueueTrigger("failing-work"), (_, _) =>
                    throw new InvalidOperationException("the downstream service refused")));
                services.AddFunction(new TimerFunction(HourlyReport, new TimerTrigger("*/1 * * * * *", RunOnStartup: true), (info, _) =>
                {
                    _timers.Enqueue(info);
                    return Task.CompletedTask;
                }));
                services.AddFunction(new HttpFunction(StartJourney, new HttpTrigger("journeys/start", ["POST"], AuthorizationLevel.Function), (_, _) =>
                    Task.FromResult(Results.Accepted())));
            },
            new Dictionary<string, string?>
            {
                [FunctionHostModes.CustomHandlerPortSetting] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["OrdersQueue"] = "orders",
                [TimerSchedulerOptions.Section + ":LeaseTable"] = _leaseTable,
            });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task QueueInvocation_RunsTheHandler_AndAnswersOutputsLogsAndReturnValue()
    {
        const string payload = """
            {
              "Data": { "message": "{\"orderId\":42,\"total\":19.99}" },
              "Metadata": {
                "DequeueCount": 3,
                "ExpirationTime": "2026-11-30T07:00:00+00:00",
                "Id": "5d3b7c1e-8f6a-4b8e-9d0a-1f2e3d4c5b6a",
                "InsertionTime": "2026-11-23T07:00:00+00:00",
                "NextVisibleTime": "2026-11-23T07:10:00+00:00",
                "PopReceipt": "AgAAAAMAAAAAAAAAcK1P3d9b2wE=",
                "sys": { "MethodName": "ProcessOrders", "UtcNow": "2026-11-23T07:00:01.123Z", "RandGuid": "0f4d5a4e-1c55-4cf4-9d1b-3d0e9f8f2a11" }
              }
            }
            """;

        using var response = await PostAsync(ProcessOrders, payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains("5d3b7c1e", StringComparison.Ordinal));
        var message = Assert.Single(_messages);
        Assert.Equal("""{"orderId":42,"total":19.99}""", message.Text);
        Assert.Equal("orders", message.QueueName);
        Assert.Equal("5d3b7c1e-8f6a-4b8e-9d0a-1f2e3d4c5b6a", message.MessageId);
        Assert.Equal(3, message.DequeueCount);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero), message.InsertedOn);
    }

    [Fact]
    public async Task QueueInvocation_WhoseHandlerFails_AnswersNon2xxSoTheHostRetries()
    {
        const string payload = """{ "Data": { "message": "work" }, "Metadata": { "DequeueCount": "1", "Id": "\"abc\"" } }""";

        using var response = await PostAsync(FailingWorker, payload);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TimerInvocation_PassesIsPastDueAndTheScheduleStatus(bool timerAsJsonText)
    {
        const string timer = """{ "Schedule": { "AdjustForDST": true }, "ScheduleStatus": { "Last": "2026-11-23T05:00:00+00:00", "Next": "2026-11-23T06:00:00+00:00", "LastUpdated": "2026-11-23T05:00:00.0123+00:00" }, "IsPastDue": true }""";
        var data = timerAsJsonText ? JsonSerializer.Serialize(timer) : timer;
        var payload = $$"""{ "Data": { "timer": {{data}} }, "Metadata": { "sys": { "MethodName": "HourlyReport", "UtcNow": "2026-11-23T07:00:00Z" } } }""";

        using var response = await PostAsync(HourlyReport, payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = Assert.Single(_timers);
        Assert.True(info.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), info.ScheduleStatus!.Next);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero), info.ScheduleStatus.Last);
    }

    [Fact]
    public async Task MalformedInvocation_Answers400()
    {
        using var response = await PostAsync(ProcessOrders, """{ "Data": { } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HttpFunction_IsServedAsAForwardedRequest_TheFunctionsHostHavingCheckedTheKey()
    {
        using var response = await _host.Client.PostAsync("api/journeys/start", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task CustomHandlerMode_RunsNoTimersOfItsOwn()
    {
        // The run-on-startup timer would have created its lease table and fired by now if the scheduler ran.
        var tables = StorageTestEnvironment.Account.Tables;
        var leaseTables = new List<string>();
        await foreach (var table in tables.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {_leaseTable}")))
        {
            leaseTables.Add(table.Name);
        }

        Assert.Empty(leaseTables);
        Assert.Empty(_timers);
        Assert.StartsWith("http://127.0.0.1:", _host.BaseAddress.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string functionName, string payload) =>
        await _host.Client.PostAsync(functionName, new StringContent(payload, Encoding.UTF8, "application/json"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

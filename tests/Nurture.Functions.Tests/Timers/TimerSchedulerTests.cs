using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Timers;

public sealed class TimerSchedulerTests
{
    private const string EverySecond = nameof(EverySecond);
    private const string Yearly = nameof(Yearly);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly string _statusTable = TestNames.Table("status");
    private readonly string _leaseTable = TestNames.Table("lease");

    [Fact]
    public async Task Timer_FiresOnItsSchedule_NotPastDue()
    {
        var recorder = new TimerRecorder();
        await using var host = await StartAsync("a", recorder, new TimerTrigger("*/1 * * * * *"), EverySecond);

        await Eventually.HoldsAsync(() => recorder.Runs.Count >= 3, Deadline, "three runs happened");

        var runs = recorder.Runs.ToList();
        Assert.All(runs, r => Assert.False(r.Info.IsPastDue));
        Assert.Equal(runs.Count, runs.Select(r => r.At.ToUnixTimeSeconds()).Distinct().Count());
        Assert.All(runs, r => Assert.InRange(r.At.Millisecond, 0, 900));
    }

    [Fact]
    public async Task Timer_WhoseOccurrenceWasMissedWhileDown_FiresOnceAtStartAsPastDue()
    {
        var missed = DateTimeOffset.UtcNow.AddHours(-2);
        var status = Tables().GetTableClient(_statusTable);
        await status.CreateIfNotExistsAsync();
        await status.UpsertAsync(new TableEntity("timer", Yearly)
        {
            [nameof(ScheduleStatus.Last)] = missed.AddYears(-1),
            [nameof(ScheduleStatus.Next)] = missed,
            [nameof(ScheduleStatus.LastUpdated)] = missed.AddYears(-1),
        });
        var recorder = new TimerRecorder();

        await using var host = await StartAsync("a", recorder, new TimerTrigger("0 0 0 1 1 *", UseMonitor: true), Yearly);

        await Eventually.HoldsAsync(
            async () => (await status.FindAsync("timer", Yearly))?.GetDateTimeOffset(nameof(ScheduleStatus.Next)) > DateTimeOffset.UtcNow,
            Deadline,
            "the monitor moved on to the next occurrence");
        var run = Assert.Single(recorder.Runs);
        Assert.True(run.Info.IsPastDue);
        var row = await status.FindAsync("timer", Yearly);
        Assert.Equal(missed.ToUnixTimeMilliseconds(), row!.GetDateTimeOffset(nameof(ScheduleStatus.Last))!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(1, row.GetDateTimeOffset(nameof(ScheduleStatus.Next))!.Value.Month);
    }

    [Fact]
    public async Task Timer_WithRunOnStartup_FiresOnceAtStart()
    {
        var recorder = new TimerRecorder();

        await using var host = await StartAsync("a", recorder, new TimerTrigger("0 0 0 1 1 *", RunOnStartup: true), Yearly);

        await Eventually.HoldsAsync(() => !recorder.Runs.IsEmpty, Deadline, "the startup run happened");
        Assert.False(Assert.Single(recorder.Runs).Info.IsPastDue);
    }

    [Fact]
    public async Task TwoHostsOnOneAccount_FireEachOccurrenceOnce_AndTheOtherTakesOverWhenTheHolderStops()
    {
        var recorder = new TimerRecorder();
        var trigger = new TimerTrigger("*/1 * * * * *", UseMonitor: true);
        await using var first = await StartAsync("first", recorder, trigger, EverySecond);
        await using var second = await StartAsync("second", recorder, trigger, EverySecond);

        await Eventually.HoldsAsync(() => recorder.Runs.Count >= 4, Deadline, "four runs happened");
        var holder = recorder.Runs.First().Host;
        await (holder == "first" ? first : second).StopAsync();
        var before = recorder.Runs.Count;
        var other = holder == "first" ? "second" : "first";
        await Eventually.HoldsAsync(() => recorder.Runs.Count(r => r.Host == other) >= 2, Deadline, "the other host took over");

        var runs = recorder.Runs.ToList();
        Assert.All(runs.Take(before), r => Assert.Equal(holder, r.Host));
        Assert.Equal(runs.Count, runs.Select(r => r.At.ToUnixTimeSeconds()).Distinct().Count());
    }

    [Fact]
    public async Task Timer_WhoseHandlerThrows_KeepsItsSchedule()
    {
        var recorder = new TimerRecorder();
        var services = new Action<IServiceCollection>(s => s.AddFunction(
            new TimerFunction(EverySecond, new TimerTrigger("*/1 * * * * *"), recorder.Handler("a", new InvalidOperationException("boom")))));

        await using var host = await FunctionTestHost.StartAsync(services, Settings("a"));

        await Eventually.HoldsAsync(() => recorder.Runs.Count >= 3, Deadline, "three runs happened despite failures");
    }

    private static TableServiceClient Tables() => StorageTestEnvironment.Account.Tables;

    private Task<FunctionTestHost> StartAsync(string hostName, TimerRecorder recorder, TimerTrigger trigger, string functionName) =>
        FunctionTestHost.StartAsync(s => s.AddFunction(new TimerFunction(functionName, trigger, recorder.Handler(hostName))), Settings(hostName));

    private Dictionary<string, string?> Settings(string instance) => new()
    {
        [TimerSchedulerOptions.Section + ":StatusTable"] = _statusTable,
        [TimerSchedulerOptions.Section + ":LeaseTable"] = _leaseTable,
        [TimerSchedulerOptions.Section + ":LeaseDuration"] = "00:00:03",
        [FunctionHostOptions.Section + ":InstanceId"] = instance,
    };
}

using Azure.Data.Tables;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Tests.Apps;
using Nurture.LocalHost.Tests.Support;
using Nurture.LocalHost.Timers;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;
using Xunit.Abstractions;
using static Nurture.LocalHost.Tests.Support.MetadataJson;

namespace Nurture.LocalHost.Tests.Timers;

/// <summary>The timer trigger on Azurite: schedules, past-due runs, run-on-startup and one firing across hosts.</summary>
public sealed class TimerSchedulerTests(ITestOutputHelper output)
{
    private const string EverySecond = "*/1 * * * * *";
    private const string Yearly = "0 0 0 1 1 *";
    private static readonly string Tick = nameof(TimerFunctions.Tick);

    private readonly string _statusTable = TestNames.Table("status");
    private readonly string _leaseTable = TestNames.Table("lease");

    [Fact]
    public async Task Timer_FiresOnItsSchedule_NotPastDue()
    {
        await using var host = await StartAsync("a", EverySecond);
        var probe = host.Services.GetProbe();

        await Eventually.HoldsAsync(() => RunsOnTime(probe.Calls.ToList()).Count() >= 3, "three runs each a second after the last");

        // A run that came within 1.5 s of the one before it was on time and must not say past due. A stall of the
        // machine between two runs makes the next one late, and that one rightly says so; it is left out here.
        var runs = probe.Calls.ToList();
        Assert.All(RunsOnTime(runs), r => Assert.False(Info(r).IsPastDue));
        Assert.Equal(runs.Count, runs.Select(r => r.At.ToUnixTimeSeconds()).Distinct().Count());
        Assert.All(runs, r => Assert.InRange(r.At.Millisecond, 0, 900));
        Assert.All(runs, r => Assert.True(Info(r).ScheduleStatus!.Next > Info(r).ScheduleStatus!.LastUpdated.AddMilliseconds(-1000)));
    }

    private static IEnumerable<ProbeCall> RunsOnTime(List<ProbeCall> runs) =>
        runs.Zip(runs.Skip(1)).Where(p => p.Second.At - p.First.At <= TimeSpan.FromSeconds(1.5)).Select(p => p.Second);

    [Fact]
    public async Task Timer_WhoseOccurrenceWasMissedWhileDown_FiresOnceAtStartAsPastDue()
    {
        var missed = DateTimeOffset.UtcNow.AddHours(-2);
        var status = Tables().GetTableClient(_statusTable);
        await status.CreateIfNotExistsAsync();
        await status.UpsertAsync(new TableEntity("timer", Tick)
        {
            [nameof(TimerStatus.Last)] = missed.AddYears(-1),
            [nameof(TimerStatus.Next)] = missed,
            [nameof(TimerStatus.LastUpdated)] = missed.AddYears(-1),
        });

        await using var host = await StartAsync("a", Yearly);

        await Eventually.HoldsAsync(
            async () => (await status.FindAsync("timer", Tick))?.GetDateTimeOffset(nameof(TimerStatus.Next)) > DateTimeOffset.UtcNow,
            "the monitor moved on to the next occurrence");
        var run = Assert.Single(host.Services.GetProbe().Calls);
        Assert.True(Info(run).IsPastDue);
        var row = await status.FindAsync("timer", Tick);
        Assert.Equal(missed.ToUnixTimeMilliseconds(), row!.GetDateTimeOffset(nameof(TimerStatus.Last))!.Value.ToUnixTimeMilliseconds());
        Assert.Equal(1, row.GetDateTimeOffset(nameof(TimerStatus.Next))!.Value.Month);
    }

    [Fact]
    public async Task Timer_WithRunOnStartup_FiresOnceAtStart()
    {
        await using var host = await StartAsync("a", Yearly, runOnStartup: true);

        await Eventually.HoldsAsync(() => !host.Services.GetProbe().Calls.IsEmpty, "the startup run happened");
        Assert.False(Info(Assert.Single(host.Services.GetProbe().Calls)).IsPastDue);
    }

    [Fact]
    public async Task TwoHostsOnOneAccount_FireEachOccurrenceOnce_AndTheOtherTakesOverWhenTheHolderStops()
    {
        await using var first = await StartAsync("first", EverySecond);
        await using var second = await StartAsync("second", EverySecond);
        IEnumerable<(string Host, ProbeCall Call)> Runs() =>
            first.Services.GetProbe().Calls.Select(c => ("first", c)).Concat(second.Services.GetProbe().Calls.Select(c => ("second", c))).OrderBy(r => r.Item2.At);

        await Eventually.HoldsAsync(() => Runs().Count() >= 4, "four runs happened");
        var holder = Runs().First().Host;
        await (holder == "first" ? first : second).StopAsync();
        var before = Runs().Count();
        var other = holder == "first" ? "second" : "first";
        await Eventually.HoldsAsync(() => Runs().Count(r => r.Host == other) >= 2, "the other host took over");

        var runs = Runs().ToList();
        Assert.All(runs.Take(before), r => Assert.Equal(holder, r.Host));
        Assert.Equal(runs.Count, runs.Select(r => r.Call.At.ToUnixTimeSeconds()).Distinct().Count());
    }

    [Fact]
    public async Task Timer_WhoseFunctionThrows_KeepsItsSchedule()
    {
        await using var host = await StartAsync("a", EverySecond, probe => probe.Behaviour = (_, _) => throw new InvalidOperationException("boom"));

        await Eventually.HoldsAsync(() => host.Services.GetProbe().Calls.Count >= 3, "three runs happened despite failures");
        Assert.Empty(host.Services.GetProbe().Completed);
    }

    [Fact]
    public async Task Schedule_FromASetting_IsResolved()
    {
        await using var host = await StartAsync("a", "%TickSchedule%", settings: new() { ["TickSchedule"] = EverySecond });

        await Eventually.HoldsAsync(() => host.Services.GetProbe().Calls.Count >= 2, "the timer ran on the resolved schedule");
    }

    private static TimerInfo Info(ProbeCall call) => Assert.IsType<TimerInfo>(call.Detail);

    private static TableServiceClient Tables() => StorageTestEnvironment.Account.Tables;

    private Task<LocalTestHost> StartAsync(string instance, string schedule, Action<Probe>? configure = null, bool runOnStartup = false, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Timers:StatusTable"] = _statusTable;
        settings["Timers:LeaseTable"] = _leaseTable;
        settings["Timers:LeaseDuration"] = "00:00:03";
        settings["Host:InstanceId"] = instance;
        var probe = new Probe();
        configure?.Invoke(probe);
        return LocalTestHost.StartAsync(
            output,
            Of(TimerEntry(Method<TimerFunctions>(Tick), schedule, runOnStartup)),
            settings,
            configure: b => b.Services.AddSingleton(probe));
    }
}

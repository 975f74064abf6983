using Microsoft.Extensions.DependencyInjection;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Journeys;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

public sealed class JourneyRepairTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public void TriggerFor_PicksStartForUnstarted_TheTimerForOverdue_AndANudgeOtherwise()
    {
        Assert.Equal(new StartTrigger(Now), JourneyRepair.TriggerFor(new StalledInstance("i", JourneyStatus.Pending, 0, null, null), Now));
        Assert.Equal(
            new WakeUpTrigger("d#1/delay/0", Now),
            JourneyRepair.TriggerFor(new StalledInstance("i", JourneyStatus.Waiting, 0, "d#1/delay/0", Now.AddMinutes(-20)), Now));
        Assert.Equal(
            new NudgeTrigger(Now),
            JourneyRepair.TriggerFor(new StalledInstance("i", JourneyStatus.Waiting, 2, "d#1/delay/0", Now.AddHours(3)), Now));
        Assert.Equal(new NudgeTrigger(Now), JourneyRepair.TriggerFor(new StalledInstance("i", JourneyStatus.Completed, 1, null, null), Now));
    }

    [Fact]
    public async Task ASendWhoseTriggerEndedInPoison_IsSentOnceTheSweepNudgesItAfterTheOutage()
    {
        OutageChannel? channel = null;
        await using var app = await JourneyTestApp.StartAsync(
            TestStorageAccounts.IsolatedAzurite(),
            JourneyTestApp.AbandonedCheckout("00:00:01", "00:00:01"),
            outbox => channel = new OutageChannel(() => outbox),
            new Dictionary<string, string?>
            {
                [QueueListenerOptions.Section + ":maxDequeueCount"] = "2",
                [JourneyRepairOptions.Section + ":After"] = "00:00:01",
            });
        var repair = app.Host.Services.GetRequiredService<JourneyRepair>();

        await app.RaiseAsync("ev-checkout-1", "checkout.updated", """{ "checkoutToken": "tok-1", "total": "80.00" }""");

        // The email's wake-up is retried twice and then set aside in journey-work-poison: the decision that
        // sends the email (and schedules the SMS delay) is saved, its side effects are not applied.
        await Eventually.HoldsAsync(async () => await PoisonCountAsync(app) == 1, Deadline, "the failing trigger reached poison");
        var stuck = Assert.Single(await app.InstancesAsync());
        Assert.Equal(JourneyStatus.Waiting, stuck.State.Status);
        Assert.NotEmpty(stuck.Pending);
        Assert.Empty(await app.Outbox.ListAsync());
        Assert.True(channel!.Refused >= 2);

        channel.Restore();
        await Eventually.HoldsAsync(async () => await repair.RunAsync() >= 1, Deadline, "the sweep found the stalled instance");

        var done = await Eventually.ValueAsync(
            async () => (await app.InstancesAsync()).SingleOrDefault(s => s.State.Status == JourneyStatus.Completed && s.Pending.Count == 0),
            Deadline,
            "the nudged instance went on to the end");
        var sent = await app.Outbox.ListAsync();
        Assert.Equal([MessageChannel.Email, MessageChannel.Sms], sent.Select(r => r.Message.Channel));
        Assert.Equal(0, await repair.RunAsync());
        Assert.Equal(2, (await app.Storage.Instances.ReadHistoryAsync(done!.State.InstanceId)).Count(h => h.Kind == HistoryKind.Sent));
    }

    [Fact]
    public async Task TheSweep_LeavesMovingInstancesAlone_AndFindsUnstartedOnes()
    {
        await using var app = await JourneyTestApp.StartAsync(
            TestStorageAccounts.IsolatedAzurite(),
            JourneyTestApp.AbandonedCheckout("01:00:00", "00:00:01"),
            settings: new Dictionary<string, string?> { [JourneyRepairOptions.Section + ":After"] = "00:10:00" });
        var repair = app.Host.Services.GetRequiredService<JourneyRepair>();
        await app.RaiseAsync("ev-checkout-1", "checkout.updated", """{ "checkoutToken": "tok-1", "total": "80.00" }""");
        var waiting = await Eventually.ValueAsync(
            async () => (await app.InstancesAsync()).SingleOrDefault(s => s.State.Status == JourneyStatus.Waiting && s.Pending.Count == 0),
            Deadline,
            "the instance waits on its hour");

        // A waiting instance with a timer an hour away is not stalled; neither is one saved a moment ago.
        Assert.Empty(await app.Storage.Instances.ListStalledAsync(DateTimeOffset.UtcNow, 10));
        Assert.Equal(0, await repair.RunAsync());

        // Seen from two hours on, its timer is overdue.
        var later = await app.Storage.Instances.ListStalledAsync(DateTimeOffset.UtcNow.AddHours(2), 10);
        var overdue = Assert.Single(later);
        Assert.Equal((waiting!.State.InstanceId, waiting.State.Timer!.TimerId), (overdue.InstanceId, overdue.TimerId));
    }


    private static async Task<int> PoisonCountAsync(JourneyTestApp app)
    {
        var accounts = app.Host.Services.GetRequiredService<IStorageAccounts>();
        var poison = accounts.GetQueueService(Nurture.Storage.Connections.StorageConnectionSettings.DefaultConnectionName)
            .GetQueueClient(JourneyWorkQueue.QueueName + Nurture.Functions.Catalog.QueueTrigger.PoisonSuffix);
        try
        {
            return await poison.GetApproximateMessageCountAsync();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            // The listener creates the poison queue with its first message.
            return 0;
        }
    }
}

using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Facts;
using Nurture.Storage.Metrics;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Metrics;

/// <summary>The campaign facts in the metric fact store, on Azurite: round trip, rebuild, merge and erasure.</summary>
public sealed class MetricFactStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task CampaignFacts_RoundTrip_SurviveARebuildsClear_MoveWithAMerge_AndGoWithAnErasure()
    {
        var store = new MetricFactStore(StorageTestEnvironment.Account.Tables, TestNames.Table("facts"));
        await store.InitializeAsync();
        var send = new SendFact("m/1#x", "j1", 2, "mail", "a,b", MessageChannel.Sms, "c1", T0, SendTiming.FixedTimeControl);
        var feedback = new FeedbackFact("e1", FeedbackKind.Opened, T0.AddMinutes(1), MessageChannel.Email, "m/1#x", "c1", MachineOpen: true);
        var entry = new JourneyEntryFact("ji-1", "j1", 2, "c1", T0.AddMinutes(-1));
        var assignment = new SplitAssignmentFact("ji-1", "j1", 2, "split", "holdout", "c1", T0.AddSeconds(-30));
        await store.AddAsync(send);
        await store.AddAsync(send);
        await store.AddAsync("c1", feedback);
        await store.AddAsync(entry);
        await store.AddAsync(assignment);
        await store.AddAsync("c1", new OrderFact("o1", "c1", T0.AddDays(1), 10m, "EUR"));

        var read = new ShopFacts();
        Assert.Equal(5, await store.ReadIntoAsync(read));
        Assert.Equal(send, Assert.Single(read.Sends.Values));
        Assert.Equal(feedback, Assert.Single(read.Feedback.Values));
        Assert.Equal(entry, Assert.Single(read.Entries.Values));
        Assert.Equal(assignment, Assert.Single(read.Assignments.Values));

        // A rebuild forgets what it reads again from the events (orders, feedback), never what only the journeys wrote.
        await store.ClearAsync();
        var cleared = new ShopFacts();
        Assert.Equal(3, await store.ReadIntoAsync(cleared));
        Assert.Empty(cleared.Orders);
        Assert.Empty(cleared.Feedback);

        await store.AddAsync("c1", feedback);
        await store.MoveContactAsync("c1", "c2");
        var moved = new ShopFacts();
        await store.ReadIntoAsync(moved);
        Assert.Equal("c2", Assert.Single(moved.Sends.Values).ContactId);
        Assert.Equal("c2", Assert.Single(moved.Entries.Values).ContactId);
        Assert.Equal("c2", Assert.Single(moved.Assignments.Values).ContactId);
        Assert.Equal("c2", Assert.Single(moved.Feedback.Values).ContactId);

        Assert.Equal(4, await store.DeleteContactAsync("c2"));
        Assert.Equal(0, await store.ReadIntoAsync(new ShopFacts()));
    }
}

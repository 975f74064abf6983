using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Core.Events;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Repositories;

/// <summary>The event store and the contact index.</summary>
public sealed partial class RepositoryTests
{
    [Fact]
    public async Task Events_AppendTwice_AppearOnceOnTheTimelineNewestFirstAndOnTheirDay()
    {
        var store = new EventStore(Tables);
        await store.InitializeAsync();
        var contact = "c-" + Guid.NewGuid().ToString("N");
        var day = new DateTimeOffset(2031, 3, 4, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3000));
        var first = Event("e1-" + contact, day.AddHours(1), """{"total":60.5,"token":"abc"}""");
        var second = Event("e2-" + contact, day.AddHours(5), """{"url":"https://shop.example/p?x=1&y='2'"}""");

        await store.AppendAsync(contact, first);
        await store.AppendAsync(contact, second);
        await store.AppendAsync(contact, first);

        var timeline = await ToListAsync(store.ReadTimelineAsync(contact));
        Assert.Equal([second.EventId, first.EventId], timeline.Select(e => e.Event.EventId));
        Assert.Equal(60.5, timeline[1].Event.Properties.GetProperty("total").GetDouble());
        Assert.Equal(EventSource.Shopify, timeline[1].Event.Source);
        Assert.Equal(first.OccurredAt, timeline[1].Event.OccurredAt);
        Assert.Single(await ToListAsync(store.ReadTimelineAsync(contact, max: 1)));

        var onDay = (await ToListAsync(store.ReadDayAsync(DateOnly.FromDateTime(day.UtcDateTime)))).Where(e => e.ContactId == contact).ToList();
        Assert.Equal(2, onDay.Count);

        Assert.Equal(2, await store.DeleteContactAsync(contact));
        Assert.Empty(await ToListAsync(store.ReadTimelineAsync(contact)));
        Assert.DoesNotContain(await ToListAsync(store.ReadDayAsync(DateOnly.FromDateTime(day.UtcDateTime))), e => e.ContactId == contact);
    }

    [Fact]
    public async Task Events_RefiledUnderAnotherContact_KeepTheirDayRowsWhenOnlyTheOldTimelineIsDeleted()
    {
        var store = new EventStore(Tables);
        await store.InitializeAsync();
        var loser = "c-" + Guid.NewGuid().ToString("N");
        var survivor = "c-" + Guid.NewGuid().ToString("N");
        var day = new DateTimeOffset(2031, 3, 4, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3000));
        var order = Event("e-" + loser, day.AddHours(2), """{"total":12.5}""");
        await store.AppendAsync(loser, order);

        // A merge files the loser's events under the survivor, then deletes the loser's timeline.
        await store.AppendAsync(survivor, order);
        Assert.Equal(1, await store.DeleteContactAsync(loser, includeDays: false));

        Assert.Empty(await ToListAsync(store.ReadTimelineAsync(loser)));
        Assert.Single(await ToListAsync(store.ReadTimelineAsync(survivor)));
        var onDay = Assert.Single(await ToListAsync(store.ReadDayAsync(DateOnly.FromDateTime(day.UtcDateTime))), e => e.Event.EventId == order.EventId);
        Assert.Equal(survivor, onDay.ContactId);
    }

    [Fact]
    public async Task Events_WithPropertiesLargerThanOneStringProperty_AreStoredWhole()
    {
        var store = new EventStore(Tables);
        await store.InitializeAsync();
        var contact = "c-" + Guid.NewGuid().ToString("N");
        var big = new string('é', 70_000) + "🎉" + new string('x', 29_999);
        var evt = Event("big-" + contact, DateTimeOffset.UnixEpoch.AddYears(60), JsonSerializer.Serialize(new { note = big }));

        await store.AppendAsync(contact, evt);

        var read = Assert.Single(await ToListAsync(store.ReadTimelineAsync(contact)));
        Assert.Equal(big, read.Event.Properties.GetProperty("note").GetString());
    }

    [Fact]
    public async Task ContactIndex_FirstClaimWins_MergesMove_AndReleaseNeedsTheOwner()
    {
        var index = new ContactIndex(Tables);
        await index.InitializeAsync();
        var email = $"o'brien+{Guid.NewGuid():N}@example.com";

        Assert.Null(await index.FindAsync(IdentityKind.Email, email));
        var owners = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => index.ClaimAsync(IdentityKind.Email, email, $"contact-{i}")));
        Assert.Single(owners.Distinct());
        var owner = owners[0];

        Assert.False(await index.ReassignAsync(IdentityKind.Email, email, "not-the-owner", "merged"));
        Assert.True(await index.ReassignAsync(IdentityKind.Email, email, owner, "merged"));
        Assert.Equal("merged", await index.FindAsync(IdentityKind.Email, email));

        Assert.False(await index.ReleaseAsync(IdentityKind.Email, email, owner));
        Assert.True(await index.ReleaseAsync(IdentityKind.Email, email, "merged"));
        Assert.Null(await index.FindAsync(IdentityKind.Email, email));
        Assert.DoesNotContain("example", ContactIndex.PartitionKey(IdentityKind.Email, email), StringComparison.Ordinal);
    }

    [Fact]
    public void SplitText_RoundTripsWithoutBreakingSurrogatePairs()
    {
        var text = new string('a', SplitText.CharactersPerProperty - 1) + "🎉" + new string('b', 10);
        var entity = new TableEntity("p", "r").WithSplitText("T", text);

        Assert.Equal(text, entity.GetSplitText("T"));
        Assert.All(entity.Where(p => p.Key.StartsWith('T')), p => Assert.False(char.IsHighSurrogate(((string)p.Value)[^1])));
        Assert.Null(entity.GetSplitText("Missing"));
    }

    private static CanonicalEvent Event(string id, DateTimeOffset at, string propertiesJson) =>
        new(id, EventTypes.CheckoutUpdated, EventSource.Shopify, "key-" + id, at, new ContactIdentity(Email: "x@example.com"), JsonDocument.Parse(propertiesJson).RootElement.Clone());

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}

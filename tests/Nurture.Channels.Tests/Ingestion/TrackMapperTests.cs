using System.Text;
using Nurture.Channels.Ingestion;
using Nurture.Channels.Ingestion.Track;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Core.Events;

namespace Nurture.Channels.Tests.Ingestion;

public sealed class TrackMapperTests
{
    private readonly TrackMapper _mapper = new();

    [Fact]
    public void Map_Batch_KeepsTypesContactsTimesAndProperties()
    {
        var events = Outcomes.Mapped(_mapper.Map(Fixture.FromFile("events", "Track/batch.json"))).Events;

        Assert.Equal([EventTypes.ProductViewed, EventTypes.AddedToCart, EventTypes.Searched, "wishlist.added"], events.Select(e => e.Type));
        Assert.Equal("bob.norman@example.com", events[0].Contact.Email);
        Assert.Equal("706405506930370084", events[1].Contact.CustomerId);
        Assert.Equal("+16135550135", events[2].Contact.Phone);
        Assert.Equal("c_01HQ7", events[3].Contact.ContactId);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 16, 0, 0, TimeSpan.Zero), events[0].OccurredAt);
        Assert.Equal(Fixture.ReceivedAt, events[3].OccurredAt);
        Assert.Equal("632910392", Outcomes.Text(events[0], EventProperties.ProductId));
        Assert.Equal(EventIds.Compute(EventSource.Track, "pv-1"), events[0].EventId);
    }

    [Fact]
    public void Map_SingleObject_IsOneEvent()
    {
        const string Body = "{\"type\":\"page_viewed\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\",\"properties\":{\"url\":\"https://x.example/\"}}";

        var evt = Outcomes.Single(_mapper.Map(Fixture.Delivery("events", Body)));

        Assert.Equal(EventTypes.PageViewed, evt.Type);
        Assert.Equal("https://x.example/", Outcomes.Text(evt, EventProperties.Url));
    }

    [Theory]
    [InlineData("{\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\"}", "type")]
    [InlineData("{\"type\":\"Page Viewed\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\"}", "type")]
    [InlineData("{\"type\":\"order.placed\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\"}", "type")]
    [InlineData("{\"type\":\"consent.changed\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\"}", "type")]
    [InlineData("{\"type\":7,\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\"}", "type")]
    [InlineData("{\"type\":\"search\",\"idempotencyKey\":\"k\"}", "contact")]
    [InlineData("{\"type\":\"search\",\"contact\":{},\"idempotencyKey\":\"k\"}", "contact")]
    [InlineData("{\"type\":\"search\",\"contact\":{\"email\":\"not-an-email\"},\"idempotencyKey\":\"k\"}", "contact.email")]
    [InlineData("{\"type\":\"search\",\"contact\":{\"phone\":\"613 555 0135\"},\"idempotencyKey\":\"k\"}", "contact.phone")]
    [InlineData("{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"}}", "idempotencyKey")]
    [InlineData("{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\",\"occurredAt\":\"soon\"}", "occurredAt")]
    [InlineData("{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\",\"occurredAt\":1741608000}", "occurredAt")]
    [InlineData("{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\",\"occurredAt\":\"2025-03-22T12:00:01Z\"}", "occurredAt")]
    [InlineData("{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\",\"properties\":[1]}", "properties")]
    public void Map_InvalidEvent_NamesTheField(string body, string field)
    {
        var errors = Outcomes.Invalid(_mapper.Map(Fixture.Delivery("events", body))).Errors;

        Assert.Contains(errors, e => e.Field == field);
    }

    [Fact]
    public void Map_BatchWithOneBadElement_IsRejectedWhole_WithTheElementIndex()
    {
        const string Body = "[{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k1\"},{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"}}]";

        var errors = Outcomes.Invalid(_mapper.Map(Fixture.Delivery("events", Body))).Errors;

        Assert.Equal("[1].idempotencyKey", Assert.Single(errors).Field);
    }

    [Fact]
    public void Map_BatchLimits_AreEnforced()
    {
        const string One = "{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\"}";
        var atLimit = "[" + string.Join(',', Enumerable.Range(0, TrackMapper.MaxBatch).Select(i => One.Replace("\"k\"", "\"k" + i + "\"", StringComparison.Ordinal))) + "]";
        var overLimit = "[" + string.Join(',', Enumerable.Repeat(One, TrackMapper.MaxBatch + 1)) + "]";

        Assert.Equal(TrackMapper.MaxBatch, Outcomes.Mapped(_mapper.Map(Fixture.Delivery("events", atLimit))).Events.Count);
        Assert.Contains("at most 500", Outcomes.Invalid(_mapper.Map(Fixture.Delivery("events", overLimit))).Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("body", Outcomes.Invalid(_mapper.Map(Fixture.Delivery("events", "[]"))).Errors[0].Field);
    }

    [Fact]
    public void Map_OversizedProperties_AreRejected()
    {
        var body = "{\"type\":\"search\",\"contact\":{\"email\":\"a@example.com\"},\"idempotencyKey\":\"k\",\"properties\":{\"blob\":\"" + new string('x', TrackMapper.MaxPropertiesLength) + "\"}}";

        Assert.Contains(Outcomes.Invalid(_mapper.Map(Fixture.Delivery("events", Encoding.UTF8.GetBytes(body)))).Errors, e => e.Field == "properties");
    }
}

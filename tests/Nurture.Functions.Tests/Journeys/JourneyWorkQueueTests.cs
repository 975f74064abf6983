using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Moq;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Functions.Journeys;
using Nurture.Storage.Queues;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

public sealed class JourneyWorkQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5_000, 0)]
    [InlineData(200, 1_000)]
    [InlineData(1_000, 1_000)]
    [InlineData(90_500, 91_000)]
    public async Task WakeUp_IsDelayedToTheNextWholeSecond_NeverEarly(int dueInMs, int expectedDelayMs)
    {
        var (queue, sent) = Recording();
        var work = new JourneyWorkQueue(queue.Object, new ManualTimeProvider(Now));

        await work.ScheduleWakeUpAsync("ji-1", "wait#1/delay/0", Now.AddMilliseconds(dueInMs));

        var (text, delay, ttl) = Assert.Single(sent);
        Assert.Equal(TimeSpan.FromMilliseconds(expectedDelayMs), delay);
        Assert.Equal(QueueLimits.NeverExpires, ttl);
        var message = JourneyWorkMessage.Parse(text);
        Assert.Equal(new JourneyWorkMessage("ji-1", new WakeUpTrigger("wait#1/delay/0", Now.AddMilliseconds(dueInMs))), message);
    }

    [Fact]
    public async Task WakeUp_BeyondSevenDays_IsDeliveredEarlyForTheDeciderToChain()
    {
        var (queue, sent) = Recording();
        var work = new JourneyWorkQueue(queue.Object, new ManualTimeProvider(Now));

        await work.ScheduleWakeUpAsync("ji-1", "wait#1/delay/0", Now.AddDays(30));

        Assert.Equal(JourneyWorkQueue.MaxDelay, Assert.Single(sent).Delay);
        Assert.True(JourneyWorkQueue.MaxDelay < TimeSpan.FromDays(7));
    }

    [Fact]
    public void Message_WithAnEvent_RoundTrips()
    {
        var canonical = new CanonicalEvent("ev-1", "order.placed", EventSource.Shopify, "k-1", Now, new ContactIdentity("c-1"), JsonDocument.Parse("""{"checkout_token":"tok-1"}""").RootElement);
        var message = new JourneyWorkMessage("ji-1", new EventArrivedTrigger(canonical, Now));

        var read = JourneyWorkMessage.Parse(message.ToJson());

        var arrived = Assert.IsType<EventArrivedTrigger>(read.Trigger);
        Assert.Equal("tok-1", arrived.Event.Properties.GetProperty("checkout_token").GetString());
        Assert.Equal(canonical with { Properties = default }, arrived.Event with { Properties = default });
        Assert.Throws<JsonException>(() => JourneyWorkMessage.Parse("""{"trigger":{"kind":"start","now":"2026-03-02T10:00:00Z"}}"""));
    }

    [Fact]
    public async Task Event_ThatFits_TravelsWhole()
    {
        var (queue, sent) = Recording();
        var work = new JourneyWorkQueue(queue.Object, new ManualTimeProvider(Now));
        var canonical = Event("""{"checkoutToken":"tok-1"}""");

        await work.EnqueueEventAsync("ji-1", "c-1", new EventArrivedTrigger(canonical, Now));

        var message = JourneyWorkMessage.Parse(Assert.Single(sent).Text);
        Assert.Null(message.EventStoredFor);
        Assert.Equal("tok-1", Assert.IsType<EventArrivedTrigger>(message.Trigger).Event.Properties.GetProperty("checkoutToken").GetString());
    }

    [Fact]
    public async Task Event_TooLargeForAMessage_TravelsAsAReferenceToTheContactsTimeline()
    {
        var (queue, sent) = Recording();
        var work = new JourneyWorkQueue(queue.Object, new ManualTimeProvider(Now));
        var canonical = Event(JsonSerializer.Serialize(new { checkoutToken = "tok-1", note = new string('x', 60_000) }));

        await work.EnqueueEventAsync("ji-1", "c-1", new EventArrivedTrigger(canonical, Now));

        var text = Assert.Single(sent).Text;
        Assert.True(QueueLimits.Fits(text));
        var message = JourneyWorkMessage.Parse(text);
        Assert.Equal("c-1", message.EventStoredFor);
        var stub = Assert.IsType<EventArrivedTrigger>(message.Trigger).Event;
        Assert.Equal(canonical with { Properties = default }, stub with { Properties = default });
        Assert.Equal("{}", stub.Properties.GetRawText());
    }

    private static CanonicalEvent Event(string properties) =>
        new("ev-1", "order.placed", EventSource.Shopify, "k-1", Now, new ContactIdentity("c-1"), JsonDocument.Parse(properties).RootElement.Clone());

    private static (Mock<QueueClient> Queue, List<(string Text, TimeSpan? Delay, TimeSpan? Ttl)> Sent) Recording()
    {
        var sent = new List<(string, TimeSpan?, TimeSpan?)>();
        var queue = new Mock<QueueClient>();
        queue.Setup(q => q.SendMessageAsync(It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback((string text, TimeSpan? delay, TimeSpan? ttl, CancellationToken _) => sent.Add((text, delay, ttl)))
            .ReturnsAsync((Response<SendReceipt>)null!);
        return (queue, sent);
    }
}

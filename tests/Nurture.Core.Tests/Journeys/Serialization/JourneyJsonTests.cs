using System.Collections.Immutable;
using System.Text.Json;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Core.Journeys.Serialization;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Serialization;

public sealed class JourneyJsonTests
{
    [Fact]
    public void State_RoundTripsForStorage()
    {
        var state = new JourneyState(
            "ji-1", "j", 2, "c-1", JourneyStatus.WaitingForEvent,
            InstanceKey: "tok-A",
            Entry: new EventSnapshot("ev-1", "checkout.updated", T0, JsonDocument.Parse("""{ "checkout_token": "tok-A" }""").RootElement.Clone()),
            StartedAt: T0,
            CurrentNodeId: "w",
            Visits: ImmutableDictionary<string, int>.Empty.Add("d", 1).Add("w", 2),
            SendAttempt: 1,
            Timer: new PendingTimer("w#2/waittimeout/0", T0.AddDays(1), TimerPurpose.WaitTimeout, "w"),
            Variants: ImmutableDictionary<string, string>.Empty.Add("split", "a"),
            SeenEventIds: ["ev-0"],
            Steps: 3);

        var json = JsonSerializer.Serialize(state, JourneyJson.Options);
        var back = JsonSerializer.Deserialize<JourneyState>(json, JourneyJson.Options)!;

        Assert.Contains("\"status\":\"waiting_for_event\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("or_empty", json, StringComparison.Ordinal);
        Assert.DoesNotContain("is_finished", json, StringComparison.Ordinal);
        Assert.Equal(json, JsonSerializer.Serialize(back, JourneyJson.Options));
        Assert.Equal(2, back.VisitsTo("w"));
        Assert.Equal(state.Timer, back.Timer);
        Assert.Equal("tok-A", back.Entry!.Properties.GetProperty("checkout_token").GetString());
    }

    [Fact]
    public void TriggersAndCommands_CarryAStableKindDiscriminator()
    {
        var trigger = JsonSerializer.Serialize<JourneyTrigger>(new WakeUpTrigger("d#1/delay/0", T0), JourneyJson.Options);
        var command = JsonSerializer.Serialize<JourneyCommand>(new ScheduleWakeUp("ji-1", "d#1/delay/0", T0), JourneyJson.Options);

        Assert.StartsWith("{\"kind\":\"wake_up\"", trigger, StringComparison.Ordinal);
        Assert.StartsWith("{\"kind\":\"schedule_wake_up\"", command, StringComparison.Ordinal);
        Assert.Equal(new WakeUpTrigger("d#1/delay/0", T0), JsonSerializer.Deserialize<JourneyTrigger>(trigger, JourneyJson.Options));
    }

    [Fact]
    public void Parse_NodeWithoutType_FailsAsAJsonError()
    {
        Assert.Throws<JsonException>(() => JourneyJson.Parse("""
            { "id": "j", "name": "J", "version": 1, "entry": { "kind": "api" }, "start": "x", "nodes": [ { "id": "x" } ] }
            """));
    }

    [Fact]
    public void Parse_BadDuration_FailsAsAJsonError()
    {
        Assert.Throws<JsonException>(() => JourneyJson.Parse("""
            { "id": "j", "name": "J", "version": 1, "entry": { "kind": "api" }, "start": "x", "nodes": [ { "type": "delay", "id": "x", "duration": "PT1H" } ] }
            """));
    }

    [Fact]
    public void Parse_EnumsAreSnakeCaseText()
    {
        var journey = JourneyJson.Parse("""
            { "id": "j", "name": "J", "version": 1, "entry": { "kind": "segment", "segment": { "path": "contact.tags", "op": "contains", "value": "vip" } },
              "re_entry": { "mode": "after", "days": 30 }, "start": "x", "nodes": [ { "type": "exit", "id": "x" } ] }
            """);

        Assert.Equal(EntryKind.Segment, journey.Entry.Kind);
        Assert.Equal(new ReEntryPolicy(ReEntryMode.After, 30), journey.ReEntry);
        Assert.Throws<JsonException>(() => JourneyJson.Parse("""{ "id": "j", "name": "J", "version": 1, "entry": { "kind": 1 }, "start": "x", "nodes": [] }"""));
    }
}

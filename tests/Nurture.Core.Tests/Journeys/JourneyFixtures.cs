using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Core.Tests.Journeys;

/// <summary>Literal inputs shared by the journey tests.</summary>
internal static class JourneyFixtures
{
    /// <summary>Monday 2 March 2026, 12:00 UTC.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static JourneyContact Contact(string id = "c-1", string? timeZone = "UTC") => new(
        id,
        timeZone,
        Consent: new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Granted, [MessageChannel.Sms] = ConsentStatus.Granted },
        HasEmail: true,
        HasPhone: true);

    public static DecisionContext Context(JourneyContact? contact = null) => new(contact ?? Contact());

    public static CanonicalEvent Event(string type, string propertiesJson, DateTimeOffset at, string? id = null) => new(
        id ?? $"ev-{type}-{at.ToUnixTimeSeconds()}",
        type,
        EventSource.Shopify,
        id ?? "key",
        at,
        new ContactIdentity(ContactId: "c-1"),
        JsonDocument.Parse(propertiesJson).RootElement.Clone());

    /// <summary>A journey document built from JSON fragments.</summary>
    public static JourneyDefinition Journey(
        string nodesJson,
        string start,
        string goalsJson = "[]",
        string entryJson = """{ "kind": "api" }""",
        int version = 1,
        string id = "j-test") =>
        JourneyJson.Parse($$"""
            {
              "id": "{{id}}", "name": "Test", "version": {{version}},
              "entry": {{entryJson}},
              "goals": {{goalsJson}},
              "start": "{{start}}",
              "nodes": {{nodesJson}}
            }
            """);

    public static JourneyState Pending(JourneyDefinition definition, CanonicalEvent? entry = null, string contactId = "c-1", string instanceId = "ji-test") =>
        new(instanceId, definition.Id, definition.Version, contactId, JourneyStatus.Pending, Entry: entry is null ? null : EventSnapshot.From(entry));

    public static DecisionResult Start(JourneyDefinition definition, CanonicalEvent? entry = null, DecisionContext? context = null, DateTimeOffset? at = null) =>
        JourneyDecider.Decide(definition, Pending(definition, entry), new StartTrigger(at ?? T0), context ?? Context());

    public static DecisionResult Wake(JourneyDefinition definition, DecisionResult previous, DateTimeOffset? at = null, DecisionContext? context = null)
    {
        var timer = previous.State.Timer ?? throw new InvalidOperationException("No pending timer.");
        return JourneyDecider.Decide(definition, previous.State, new WakeUpTrigger(timer.TimerId, at ?? timer.DueAt), context ?? Context());
    }

    public static DecisionResult Arrive(JourneyDefinition definition, JourneyState state, CanonicalEvent arrived, DecisionContext? context = null, DateTimeOffset? at = null) =>
        JourneyDecider.Decide(definition, state, new EventArrivedTrigger(arrived, at ?? arrived.OccurredAt), context ?? Context());

    public static string Email(string id, string next, string template = "tpl", string extra = "") =>
        $$"""{ "type": "send_email", "id": "{{id}}", "template": "{{template}}", "channel": { "sender": "shop@example.com" }, "next": {{Ref(next)}}{{extra}} }""";

    public static string Sms(string id, string next, string template = "tpl-sms", string extra = "") =>
        $$"""{ "type": "send_sms", "id": "{{id}}", "template": "{{template}}", "channel": { "sender": "+15550100" }, "next": {{Ref(next)}}{{extra}} }""";

    public static string Delay(string id, string next, string duration) =>
        $$"""{ "type": "delay", "id": "{{id}}", "duration": "{{duration}}", "next": {{Ref(next)}} }""";

    public static string Exit(string id) => $$"""{ "type": "exit", "id": "{{id}}" }""";

    private static string Ref(string? next) => next is null or "" ? "null" : $"\"{next}\"";
}

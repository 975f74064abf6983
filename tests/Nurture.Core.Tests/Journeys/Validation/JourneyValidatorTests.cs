using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Journeys.Validation;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Validation;

public sealed class JourneyValidatorTests
{
    private static IReadOnlyList<string> Problems(string nodesJson, string start, string goalsJson = "[]", string entryJson = """{ "kind": "api" }""") =>
        JourneyValidator.Validate(Journey(nodesJson, start, goalsJson, entryJson)).Select(p => p.ToString()).ToList();

    [Fact]
    public void Validate_ValidJourney_HasNoProblems()
    {
        Assert.Empty(Problems($"[{Delay("d", "e1", "01:00:00")}, {Email("e1", "done")}, {Exit("done")}]", "d"));
    }

    [Fact]
    public void Validate_UnknownNodeReference_NamesTheEdge()
    {
        Assert.Equal(
            ["nodes[0].next: node 'e1' refers to unknown node 'nowhere'"],
            Problems($"[{Email("e1", "nowhere")}]", "e1"));
    }

    [Fact]
    public void Validate_MissingAndUnknownStart()
    {
        Assert.Equal(["start: start refers to unknown node 'ghost'"], Problems($"[{Exit("x")}]", "ghost").Where(p => p.StartsWith("start", StringComparison.Ordinal)));
        Assert.Contains("start: start node is required", Problems($"[{Exit("x")}]", ""));
    }

    [Fact]
    public void Validate_UnreachableNode_IsNamed()
    {
        Assert.Equal(
            ["nodes[1]: node 'orphan' is unreachable from start 'e1'"],
            Problems($"[{Email("e1", "")}, {Email("orphan", "")}]", "e1"));
    }

    [Fact]
    public void Validate_DuplicateIds_AreNamed()
    {
        Assert.Equal(
            ["nodes[1].id: duplicate node id 'e1'"],
            Problems($"[{Email("e1", "")}, {Exit("e1")}]", "e1"));
    }

    [Fact]
    public void Validate_LoopWithoutDelayOrWait_IsNamedWithItsPath()
    {
        var problems = Problems("""
            [{ "type": "branch", "id": "b", "cases": [ { "when": { "path": "contact.order_count", "op": "eq", "value": 0 }, "next": "u" } ], "default_next": null },
             { "type": "update_profile", "id": "u", "add_tags": [ "x" ], "next": "b" }]
            """, "b");

        Assert.Equal(["nodes[0]: loop b -> u -> b has no delay or wait_for_event"], problems);
    }

    [Fact]
    public void Validate_LoopThroughADelayOrWait_IsAllowed()
    {
        Assert.Empty(Problems($"[{Email("e1", "d")}, {Delay("d", "e1", "1.00:00:00")}]", "e1"));
        Assert.Empty(Problems($$"""
            [{{Email("e1", "w")}},
             { "type": "wait_for_event", "id": "w", "event_type": "email.clicked", "timeout": "1.00:00:00", "next": "e1", "timeout_next": null }]
            """, "e1"));
    }

    [Fact]
    public void Validate_ZeroDelayDoesNotBreakALoop()
    {
        Assert.Equal(
            ["nodes[0]: loop e1 -> d -> e1 has no delay or wait_for_event"],
            Problems($"[{Email("e1", "d")}, {Delay("d", "e1", "00:00:00")}]", "e1"));
    }

    [Fact]
    public void Validate_SendWithoutTemplateOrChannel_IsNamed()
    {
        Assert.Equal(
            [
                "nodes[0].template: send_email 'e1' has no template",
                "nodes[1].channel.sender: send_sms 's1' has a blank sender: name one, or leave sender out to use the shop's default",
                "nodes[1].best_time.within_hours: best-time window must be 1 to 168 hours, was 200",
            ],
            Problems("""
                [{ "type": "send_email", "id": "e1", "next": "s1" },
                 { "type": "send_sms", "id": "s1", "template": "t", "channel": { "sender": " " }, "best_time": { "within_hours": 200 }, "next": null }]
                """, "e1"));
    }

    [Theory]
    [InlineData("-0.1")]
    [InlineData("0.6")]
    public void Validate_BestTimeHoldoutShareOutOfRange_IsNamed(string share)
    {
        Assert.Equal(
            [$"nodes[0].best_time.holdout_share: best-time holdout share must be 0 to 0.5, was {share}"],
            Problems($"[{Email("e1", "", extra: $", \"best_time\": {{ \"within_hours\": 24, \"holdout_share\": {share} }}")}]", "e1"));
    }

    [Fact]
    public void Validate_BestTimeHoldoutShare_IsAccepted()
    {
        Assert.Empty(Problems($"[{Email("e1", "", extra: ", \"best_time\": { \"within_hours\": 24, \"holdout_share\": 0.5 }")}]", "e1"));
    }

    [Fact]
    public void Validate_BadSplitWeights_AreNamed()
    {
        Assert.Equal(
            [
                "nodes[0].holdout_weight: split 's' holdout weight must not be negative",
                "nodes[0].variants[0].weight: split 's' variant 'a' needs a positive weight, was 0",
                "nodes[0].variants[1].name: split 's' has two variants named 'a'",
                "nodes[0].variants[2].name: split 's' variant needs a name other than 'holdout'",
            ],
            Problems($$"""
                [{ "type": "split", "id": "s", "holdout_weight": -1, "variants": [
                    { "name": "a", "weight": 0, "next": "x" }, { "name": "a", "weight": 5, "next": "x" }, { "name": "holdout", "weight": 5, "next": "x" } ] },
                 {{Exit("x")}}]
                """, "s"));
    }

    [Fact]
    public void Validate_NodesMissingTheirEssentials_AreNamed()
    {
        Assert.Equal(
            [
                "nodes[0]: delay 'd' needs a duration, days_from or at_local_time",
                "nodes[1].timeout: wait 'w' needs a positive timeout",
                "nodes[2].cases: branch 'b' needs at least one case",
                "nodes[3]: update_profile 'u' changes nothing: add tags, remove tags or set attributes",
            ],
            Problems("""
                [{ "type": "delay", "id": "d", "next": "w" },
                 { "type": "wait_for_event", "id": "w", "event_type": "email.clicked", "timeout": "00:00:00", "next": "b", "timeout_next": null },
                 { "type": "branch", "id": "b", "cases": [], "default_next": "u" },
                 { "type": "update_profile", "id": "u", "next": null }]
                """, "d"));
    }

    [Fact]
    public void Validate_MalformedConditions_AreNamed()
    {
        Assert.Equal(
            [
                "entry.event_type: an event entry needs the event type that starts the journey",
                "entry.filter.all[0].path: path 'total' must start with one of: event, trigger, last_event, contact",
                "entry.filter.all[1].value: operator 'in' needs an array value",
                "entry.filter.all[2].value: operator 'gt' needs a value",
                "entry.filter.all[3]: a condition needs exactly one of all, any, not, or path+op",
                "goals[0].name: goal name is required",
                "goals[0].match[0]: a key match needs both a trigger path and an event path",
            ],
            Problems(
                Exit("x").Insert(0, "[") + "]",
                "x",
                """[{ "name": "", "event_type": "order.placed", "match": [ { "trigger": "token", "event": "" } ] }]""",
                """
                { "kind": "event", "filter": { "all": [
                    { "path": "total", "op": "gt", "value": 1 },
                    { "path": "event.x", "op": "in", "value": 1 },
                    { "path": "event.x", "op": "gt" },
                    { "path": "event.x", "op": "exists", "any": [] } ] } }
                """));
    }

    [Fact]
    public void Validate_EntryAndReEntryRules()
    {
        var journey = JourneyJson.Parse("""
            { "id": " ", "name": "", "version": 0, "entry": { "kind": "segment" }, "re_entry": { "mode": "after" },
              "instance_key": "token", "start": "x", "nodes": [ { "type": "exit", "id": "x" } ] }
            """);

        Assert.Equal(
            [
                "id: journey id is required",
                "name: journey name is required",
                "version: version must be 1 or more, was 0",
                "instance_key: an instance key needs an event entry to read it from",
                "entry.segment: a segment entry needs the segment condition",
                "re_entry.days: re-entry 'after' needs a positive number of days",
            ],
            JourneyValidator.Validate(journey).Select(p => p.ToString()));
    }
}

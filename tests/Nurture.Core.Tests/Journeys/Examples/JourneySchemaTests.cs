using System.Text.Json;
using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Core.Tests.Journeys.Examples;

/// <summary>Keeps the shipped JSON schema in step with the model: every property the model writes must be in the schema.</summary>
public sealed class JourneySchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(JourneyExamples.SchemaJson).RootElement.Clone();

    [Fact]
    public void Schema_DescribesEveryPropertyTheModelWrites()
    {
        var condition = Condition.Compare("event.total", ConditionOperator.Gt, "1");
        var keys = new[] { new KeyMatch("token", "token") };
        var channel = new ChannelSettings("from@example.com", "Subject", "category");
        var everything = new JourneyDefinition(
            "j",
            "J",
            1,
            new JourneyEntry(EntryKind.Event, "checkout.updated", condition, condition),
            "e",
            [
                new SendEmailNode("e", "t", channel, "s", SendPriority.High, false, new BestTimeWindow(24, 0.1)),
                new SendSmsNode("s", "t", channel, "d", SendPriority.Low, true, new BestTimeWindow(24)),
                new DelayNode("d", "w", TimeSpan.FromHours(1), "contact.attributes.days", new TimeOnly(9, 0)),
                new WaitForEventNode("w", "order.placed", TimeSpan.FromDays(1), "b", "x", keys, condition),
                new BranchNode("b", [new BranchCase(condition, "p")], "x"),
                new SplitNode("p", [new SplitVariant("a", 1, "u")], 1),
                new UpdateProfileNode("u", "x", ["a"], ["b"], new Dictionary<string, JsonElement> { ["k"] = JsonSerializer.SerializeToElement(1) }),
                new ExitNode("x", "done"),
            ],
            [new ExitGoal("g", "order.placed", condition, keys)],
            new ReEntryPolicy(ReEntryMode.After, 3),
            "token",
            "description");

        using var written = JsonDocument.Parse(JourneyJson.Serialize(everything));
        var root = written.RootElement;

        AssertDescribed(root, Schema);
        AssertDescribed(root.GetProperty("entry"), Def("entry"));
        AssertDescribed(root.GetProperty("entry").GetProperty("filter"), Def("condition"));
        AssertDescribed(root.GetProperty("re_entry"), Def("reEntry"));
        AssertDescribed(root.GetProperty("goals")[0], Def("goal"));
        AssertDescribed(root.GetProperty("goals")[0].GetProperty("match")[0], Def("keyMatch"));
        var nodeTypes = new List<string>();
        foreach (var node in root.GetProperty("nodes").EnumerateArray())
        {
            var type = node.GetProperty("type").GetString()!;
            nodeTypes.Add(type);
            AssertDescribed(node, NodeDef(type));
        }

        Assert.Equal(JourneyNodeTypes.All, nodeTypes);
        AssertDescribed(root.GetProperty("nodes")[0].GetProperty("channel"), Def("channel"));
    }

    private static JsonElement Def(string name) => Schema.GetProperty("$defs").GetProperty(name);

    private static JsonElement NodeDef(string type) => Schema.GetProperty("$defs").EnumerateObject()
        .Single(d => d.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("type", out var t)
            && t.TryGetProperty("const", out var c) && c.GetString() == type)
        .Value;

    private static void AssertDescribed(JsonElement written, JsonElement schema)
    {
        var described = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var missing = written.EnumerateObject().Select(p => p.Name).Where(n => !described.Contains(n)).ToList();

        Assert.True(missing.Count == 0, $"schema lacks: {string.Join(", ", missing)}");
    }
}

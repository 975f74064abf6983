using System.Text.Json;
using Nurture.Core.Journeys.Examples;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Serialization;
using Nurture.Core.Journeys.Validation;

namespace Nurture.Core.Tests.Journeys.Examples;

public sealed class JourneyExamplesTests
{
    public static TheoryData<string> ExampleNames => new(JourneyExamples.Names);

    [Fact]
    public void Names_ListEveryExampleTheIssueAsksFor()
    {
        Assert.Equal(
            ["abandoned-checkout", "flash-sale", "post-purchase-review", "replenishment", "welcome-series", "win-back"],
            JourneyExamples.Names);
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Example_LoadsAndValidatesWithoutProblems(string name)
    {
        var journey = JourneyExamples.Load(name);

        Assert.Equal(name, journey.Id);
        Assert.Empty(JourneyValidator.Validate(journey));
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Example_RoundTripsThroughJson(string name)
    {
        var journey = JourneyExamples.Load(name);

        var again = JourneyJson.Parse(JourneyJson.Serialize(journey));

        Assert.Equal(journey.Nodes.Select(n => (n.Id, n.Type)), again.Nodes.Select(n => (n.Id, n.Type)));
        Assert.Equal(JourneyJson.Serialize(journey), JourneyJson.Serialize(again));
    }

    [Fact]
    public void Schema_NamesEveryNodeTypeTheModelKnows()
    {
        using var schema = JsonDocument.Parse(JourneyExamples.SchemaJson);
        var nodeTypes = schema.RootElement.GetProperty("$defs").GetProperty("node").GetProperty("properties").GetProperty("type").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

        Assert.Equal(JourneyNodeTypes.All, nodeTypes);
    }

    [Fact]
    public void Parse_UnknownNodeType_FailsNamingTheDocumentPosition()
    {
        var error = Assert.Throws<JsonException>(() => JourneyJson.Parse("""
            { "id": "j", "name": "J", "version": 1, "entry": { "kind": "api" }, "start": "x",
              "nodes": [ { "type": "send_fax", "id": "x" } ] }
            """));

        Assert.Contains("$.nodes[0]", error.Path ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsTypedNodes()
    {
        var journey = JourneyExamples.Load("abandoned-checkout");

        var email = Assert.IsType<SendEmailNode>(journey.FindNode("email_reminder"));
        Assert.Equal("abandoned-checkout-email", email.Template);
        Assert.Equal(Nurture.Core.Journeys.Model.SendPriority.High, email.Priority);
        Assert.Equal(TimeSpan.FromHours(1), Assert.IsType<DelayNode>(journey.FindNode("wait_1h")).Duration);
        Assert.Equal("checkoutToken", journey.InstanceKey);
        Assert.Equal("checkoutToken", Assert.Single(Assert.Single(journey.GoalsOrEmpty).Match!).Event);
    }
}

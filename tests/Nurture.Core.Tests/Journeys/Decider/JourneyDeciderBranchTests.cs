using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderBranchTests
{
    private static readonly JourneyDefinition VipOrBigOrStandard = Journey($$"""
        [{ "type": "branch", "id": "b", "cases": [
             { "when": { "path": "contact.tags", "op": "contains", "value": "vip" }, "next": "vip" },
             { "when": { "path": "event.total_price", "op": "gt", "value": 100 }, "next": "big" } ],
           "default_next": "standard" },
         {{Email("vip", "", "vip")}}, {{Email("big", "", "big")}}, {{Email("standard", "", "standard")}}]
        """, "b");

    [Theory]
    [InlineData("vip", "50.00", "vip")]
    [InlineData("vip", "500.00", "vip")]
    [InlineData("new", "500.00", "big")]
    [InlineData("new", "100.00", "standard")]
    public void Decide_Branch_TakesTheFirstCaseThatHoldsOnProfileAndTriggerEvent(string tag, string total, string template)
    {
        var entry = Event(EventTypes.CheckoutUpdated, $$"""{ "total_price": "{{total}}" }""", T0, "ev-1");
        var contact = Contact() with { Tags = new HashSet<string> { tag } };

        var result = Start(VipOrBigOrStandard, entry, Context(contact));

        Assert.Equal(template, Assert.Single(result.Sends).TemplateId);
    }

    [Fact]
    public void Decide_Branch_RecordsWhichCaseHeld()
    {
        var result = Start(VipOrBigOrStandard, Event(EventTypes.CheckoutUpdated, """{ "total_price": 1 }""", T0, "ev-1"));

        Assert.Contains(result.History, h => h.Kind == HistoryKind.Decision && h.NodeId == "b" && h.Message == "no case holds; default");
    }

    [Fact]
    public void Decide_UpdateProfile_EmitsTheChangeAndLaterBranchesSeeIt()
    {
        var journey = Journey($$"""
            [{ "type": "update_profile", "id": "u", "add_tags": [ "coupon" ], "remove_tags": [ "new" ], "set_attributes": { "coupon_code": "WELCOME10" }, "next": "b" },
             { "type": "branch", "id": "b", "cases": [ { "when": { "path": "contact.attributes.coupon_code", "op": "eq", "value": "WELCOME10" }, "next": "coupon" } ], "default_next": null },
             {{Email("coupon", "", "coupon")}}]
            """, "u");

        var result = Start(journey, context: Context(Contact() with { Tags = new HashSet<string> { "new" } }));

        var update = Assert.Single(result.Commands.OfType<UpdateProfile>());
        Assert.Equal("c-1", update.ContactId);
        Assert.Equal(["coupon"], update.AddTags);
        Assert.Equal(["new"], update.RemoveTags);
        Assert.Equal("WELCOME10", update.SetAttributes["coupon_code"].GetString());
        Assert.Equal("coupon", Assert.Single(result.Sends).TemplateId);
    }

    [Fact]
    public void Decide_Split_SameContactAlwaysGetsTheSameVariant()
    {
        var journey = SplitJourney(holdout: 0);

        var first = JourneyDecider.Decide(journey, Pending(journey, instanceId: "ji-1"), new Nurture.Core.Journeys.Runtime.Triggers.StartTrigger(T0), Context());
        var second = JourneyDecider.Decide(journey, Pending(journey, instanceId: "ji-2"), new Nurture.Core.Journeys.Runtime.Triggers.StartTrigger(T0.AddDays(3)), Context());

        Assert.Equal(first.State.Variants!["split"], second.State.Variants!["split"]);
        Assert.Equal(first.Sends[0].TemplateId, second.Sends[0].TemplateId);
        Assert.Equal(first.State.Variants["split"], first.Sends[0].Variant);
    }

    [Fact]
    public void SplitBucket_IsAStableHashOfJourneyNodeAndContact()
    {
        Assert.Equal(2990, JourneyIds.SplitBucket("j-test", "split", "c-1"));
    }

    [Fact]
    public void ChooseVariant_MapsBucketsOntoCumulativeWeights()
    {
        var split = new SplitNode("s", [new SplitVariant("a", 45, "x"), new SplitVariant("b", 45, "y")], HoldoutWeight: 10);

        Assert.Equal("a", JourneyDecider.ChooseVariant(split, 0));
        Assert.Equal("a", JourneyDecider.ChooseVariant(split, 4499));
        Assert.Equal("b", JourneyDecider.ChooseVariant(split, 4500));
        Assert.Equal("b", JourneyDecider.ChooseVariant(split, 8999));
        Assert.Equal("holdout", JourneyDecider.ChooseVariant(split, 9000));
        Assert.Equal("holdout", JourneyDecider.ChooseVariant(split, 9999));
        Assert.Null(JourneyDecider.ChooseVariant(new SplitNode("s", [new SplitVariant("a", 0, "x")]), 10));
    }

    [Fact]
    public void Split_OverManyContacts_FollowsTheWeights()
    {
        var split = new SplitNode("split", [new SplitVariant("a", 45, "x"), new SplitVariant("b", 45, "y")], HoldoutWeight: 10);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 0, ["b"] = 0, ["holdout"] = 0 };

        for (var i = 0; i < 20_000; i++)
        {
            var bucket = JourneyIds.SplitBucket("win-back", "split", $"contact-{i}");
            counts[JourneyDecider.ChooseVariant(split, bucket)!]++;
        }

        // Binomial standard deviation at n = 20,000 is about 0.35 percentage points; allow 1.5.
        Assert.InRange(counts["a"] / 20_000.0, 0.435, 0.465);
        Assert.InRange(counts["b"] / 20_000.0, 0.435, 0.465);
        Assert.InRange(counts["holdout"] / 20_000.0, 0.085, 0.115);
    }

    [Fact]
    public void Decide_SplitHoldout_ExitsWithoutSending()
    {
        var allHoldout = Journey($$"""
            [{ "type": "split", "id": "split", "variants": [ { "name": "a", "weight": 1, "next": "e1" } ], "holdout_weight": 100000 },
             {{Email("e1", "")}}]
            """, "split");

        var result = Start(allHoldout);

        Assert.Empty(result.Sends);
        Assert.Equal(JourneyStatus.Exited, result.State.Status);
        Assert.Equal("holdout", result.State.EndReason);
        Assert.Equal("holdout", result.State.Variants!["split"]);
    }

    private static JourneyDefinition SplitJourney(int holdout) => Journey($$"""
        [{ "type": "split", "id": "split", "variants": [ { "name": "a", "weight": 50, "next": "ea" }, { "name": "b", "weight": 50, "next": "eb" } ], "holdout_weight": {{holdout}} },
         {{Email("ea", "", "template-a")}}, {{Email("eb", "", "template-b")}}]
        """, "split");
}

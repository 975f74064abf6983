using System.Text.Json;
using Nurture.Core.Journeys.Conditions;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Conditions;

public sealed class ConditionEvaluatorTests
{
    private static readonly JsonElement Properties = JsonDocument.Parse("""
        { "total_price": "55.00", "count": 3, "gift": true, "tags": [ "sale", "summer" ], "title": "Blue Shirt",
          "created_at": "2026-03-01T10:00:00Z", "line_items": [ { "sku": "A-1" } ], "nothing": null }
        """).RootElement.Clone();

    private static readonly ConditionScope Scope = new(
        Contact() with
        {
            Tags = new HashSet<string> { "vip" },
            OrderCount = 4,
            TotalSpent = 250m,
            LastOrderAt = T0.AddDays(-95.5),
            Attributes = new Dictionary<string, JsonElement> { ["plan"] = JsonSerializer.SerializeToElement(new { tier = "gold" }) },
        },
        T0,
        Properties,
        Properties);

    [Theory]
    [InlineData("event.total_price", "eq", "55", true)]
    [InlineData("event.total_price", "eq", "\"55.00\"", true)]
    [InlineData("event.total_price", "gt", "50", true)]
    [InlineData("event.total_price", "gt", "55", false)]
    [InlineData("event.total_price", "ge", "55", true)]
    [InlineData("event.count", "lt", "4", true)]
    [InlineData("event.count", "le", "2", false)]
    [InlineData("event.count", "ne", "3", false)]
    [InlineData("event.count", "ne", "4", true)]
    [InlineData("event.missing", "ne", "4", true)]
    [InlineData("event.missing", "eq", "4", false)]
    [InlineData("event.missing", "lt", "4", false)]
    [InlineData("event.gift", "eq", "true", true)]
    [InlineData("event.gift", "eq", "\"true\"", false)]
    [InlineData("event.title", "contains", "\"shirt\"", true)]
    [InlineData("event.title", "eq", "\"blue shirt\"", false)]
    [InlineData("event.tags", "contains", "\"sale\"", true)]
    [InlineData("event.tags", "contains", "\"winter\"", false)]
    [InlineData("event.title", "in", "[\"Red Shirt\", \"Blue Shirt\"]", true)]
    [InlineData("event.count", "in", "[1, 2]", false)]
    [InlineData("event.created_at", "gt", "\"2026-02-28T00:00:00Z\"", true)]
    [InlineData("event.line_items.0.sku", "eq", "\"A-1\"", true)]
    [InlineData("event.line_items.1.sku", "exists", null, false)]
    [InlineData("event.nothing", "exists", null, false)]
    [InlineData("event.gift", "exists", null, true)]
    [InlineData("trigger.count", "eq", "3", true)]
    [InlineData("last_event.count", "exists", null, false)]
    [InlineData("contact.tags", "contains", "\"vip\"", true)]
    [InlineData("contact.order_count", "ge", "4", true)]
    [InlineData("contact.total_spent", "gt", "200", true)]
    [InlineData("contact.days_since_last_order", "eq", "95", true)]
    [InlineData("contact.attributes.plan.tier", "eq", "\"gold\"", true)]
    [InlineData("contact.attributes.missing", "exists", null, false)]
    [InlineData("contact.has_phone", "eq", "true", true)]
    [InlineData("contact.id", "eq", "\"c-1\"", true)]
    [InlineData("unknown_root.x", "exists", null, false)]
    public void Evaluate_Comparison(string path, string op, string? value, bool expected)
    {
        var condition = Condition.Compare(path, Enum.Parse<ConditionOperator>(op, ignoreCase: true), value);

        Assert.Equal(expected, ConditionEvaluator.Evaluate(condition, Scope));
    }

    [Fact]
    public void Evaluate_AllAnyNot_Combine()
    {
        var yes = Condition.Compare("event.count", ConditionOperator.Eq, "3");
        var no = Condition.Compare("event.count", ConditionOperator.Eq, "4");

        Assert.True(ConditionEvaluator.Evaluate(new Condition(All: [yes, yes]), Scope));
        Assert.False(ConditionEvaluator.Evaluate(new Condition(All: [yes, no]), Scope));
        Assert.True(ConditionEvaluator.Evaluate(new Condition(All: []), Scope));
        Assert.True(ConditionEvaluator.Evaluate(new Condition(Any: [no, yes]), Scope));
        Assert.False(ConditionEvaluator.Evaluate(new Condition(Any: [no, no]), Scope));
        Assert.True(ConditionEvaluator.Evaluate(new Condition(Not: no), Scope));
        Assert.True(ConditionEvaluator.Evaluate(null, Scope));
    }
}

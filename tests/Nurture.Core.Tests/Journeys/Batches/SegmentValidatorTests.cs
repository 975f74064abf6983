using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Tests.Journeys.Batches;

public sealed class SegmentValidatorTests
{
    [Fact]
    public void Validate_AcceptsKnownContactFieldsAndAttributes()
    {
        var segment = new Condition(All:
        [
            Condition.Compare("contact.tags", ConditionOperator.Contains, "\"vip\""),
            Condition.Compare("contact.attributes.city", ConditionOperator.Eq, "\"Lisbon\""),
            new Condition(Not: Condition.Compare("contact.days_since_last_order", ConditionOperator.Lt, "30")),
        ]);

        Assert.Empty(SegmentValidator.Validate(segment, "segment"));
    }

    [Fact]
    public void Validate_NamesEventPathsAndUnknownFields_WithWhereTheyAre()
    {
        var segment = new Condition(Any:
        [
            Condition.Compare("event.total", ConditionOperator.Gt, "50"),
            Condition.Compare("contact.favourite_colour", ConditionOperator.Eq, "\"red\""),
        ]);

        var problems = SegmentValidator.Validate(segment, "segment");

        Assert.Equal(["segment.any[0].path", "segment.any[1].path"], problems.Select(p => p.Path));
        Assert.Contains("must start with 'contact.'", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'contact.favourite_colour' is not a contact field", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportsMalformedConditions()
    {
        var problems = SegmentValidator.Validate(new Condition(Path: "contact.tags"), "segment");

        Assert.Contains(problems, p => p.Path == "segment.op");
    }
}

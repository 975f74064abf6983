using Nurture.Core.Journeys.Versioning;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Versioning;

public sealed class JourneyPublishingTests
{
    [Fact]
    public void Publish_FirstDraft_BecomesVersionOne()
    {
        var result = JourneyPublishing.Publish(Journey($"[{Email("e1", "")}]", "e1", version: 7), latestPublishedVersion: null);

        Assert.True(result.IsPublished);
        Assert.Equal(1, result.Published!.Version);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Publish_NextDraft_BecomesTheNextVersion()
    {
        var result = JourneyPublishing.Publish(Journey($"[{Email("e1", "")}]", "e1"), latestPublishedVersion: 4);

        Assert.Equal(5, result.Published!.Version);
    }

    [Fact]
    public void Publish_InvalidDraft_PublishesNothingAndSaysWhy()
    {
        var result = JourneyPublishing.Publish(Journey($"[{Email("e1", "missing")}]", "e1"), latestPublishedVersion: 1);

        Assert.False(result.IsPublished);
        Assert.Equal(["nodes[0].next: node 'e1' refers to unknown node 'missing'"], result.Problems.Select(p => p.ToString()));
    }
}

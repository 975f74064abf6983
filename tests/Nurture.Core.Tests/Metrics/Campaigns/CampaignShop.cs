using Nurture.Core.Journeys.Model;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Statistics;
using static Nurture.Core.Tests.Metrics.MetricsFixtures;

namespace Nurture.Core.Tests.Metrics.Campaigns;

/// <summary>Builds a shop's campaign facts fluently; the report is computed well after everything, at <see cref="AsOf"/>.</summary>
internal sealed class CampaignShop
{
    public static readonly DateTimeOffset AsOf = T0.AddDays(60);

    public List<object> All { get; } = [];

    public CampaignShop Send(string id, string contact, DateTimeOffset at, string journey = "j1", string node = "email-1", MessageChannel channel = MessageChannel.Email, string? variant = null, int version = 1, SendTiming timing = SendTiming.NotInExperiment) =>
        With(new SendFact(id, journey, version, node, variant, channel, contact, at, timing));

    public CampaignShop Feedback(string id, FeedbackKind kind, DateTimeOffset at, string? message, MessageChannel channel = MessageChannel.Email, bool machine = false, string? contact = null) =>
        With(new FeedbackFact(id, kind, at, channel, message, contact, machine));

    public CampaignShop Order(string id, string? contact, DateTimeOffset at, decimal total) => With(new OrderFact(id, contact, at, total, "USD"));

    public CampaignShop Entry(string instance, string contact, DateTimeOffset at, string journey = "j1", int version = 1) =>
        With(new JourneyEntryFact(instance, journey, version, contact, at));

    public CampaignShop Assign(string instance, string contact, string variant, DateTimeOffset at, string journey = "j1", string node = "split-1", int version = 1) =>
        With(new SplitAssignmentFact(instance, journey, version, node, variant, contact, at));

    public CampaignShop With(object fact)
    {
        All.Add(fact);
        return this;
    }

    public CampaignReport Report(CampaignSettings? settings = null, ExperimentSettings? experiments = null, CampaignCosts? costs = null, DateTimeOffset? asOf = null, IEnumerable<object>? facts = null) =>
        CampaignCalculator.Compute(Build(facts ?? All), asOf ?? AsOf, settings ?? new CampaignSettings(), experiments ?? new ExperimentSettings(), costs);

    public static ShopFacts Build(IEnumerable<object> facts)
    {
        var shop = new ShopFacts();
        foreach (var fact in facts)
        {
            _ = fact switch
            {
                OrderFact f => shop.Add(f),
                RefundFact f => shop.Add(f),
                CancellationFact f => shop.Add(f),
                SendFact f => shop.Add(f),
                FeedbackFact f => shop.Add(f),
                JourneyEntryFact f => shop.Add(f),
                SplitAssignmentFact f => shop.Add(f),
                _ => throw new ArgumentException("unknown fact", nameof(facts)),
            };
        }

        return shop;
    }
}

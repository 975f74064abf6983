namespace Nurture.Core.Metrics.Campaigns;

/// <summary>What the campaign report could not use, so a marketer can tell thin data from bad data.</summary>
/// <param name="DuplicatesIgnored">Facts ignored as repeats of an id already held.</param>
/// <param name="UnmatchedFeedback">Feedback about no known send (another period's or a transactional message).</param>
/// <param name="OtherCurrencyOrders">Orders left out for being in another currency.</param>
public sealed record CampaignDataQuality(int DuplicatesIgnored, int UnmatchedFeedback, int OtherCurrencyOrders);

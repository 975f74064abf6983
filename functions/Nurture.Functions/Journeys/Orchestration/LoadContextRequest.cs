namespace Nurture.Functions.Journeys.Orchestration;

/// <summary>The input of <see cref="JourneyActivities.LoadJourneyContext"/>.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="StartedAt">When the instance started (events since then are read for the goal re-check), if it has.</param>
/// <param name="WithRecentEvents">Whether the journey has goals, so recent events matter.</param>
/// <param name="Now">The orchestration's time: cap windows are counted back from it.</param>
/// <param name="WithShopSendTime">
/// Whether the journey has a best-time send, so the shop's send-time pattern (about 1,900 numbers) is loaded; left out
/// otherwise, so the history of other journeys does not carry it in every decision.
/// </param>
public sealed record LoadContextRequest(string ContactId, DateTimeOffset? StartedAt, bool WithRecentEvents, DateTimeOffset Now, bool WithShopSendTime = false);

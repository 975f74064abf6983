using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Scoring;

namespace Nurture.Functions.Reports;

/// <summary>A lifecycle stage change as the canonical event journeys start on.</summary>
public static class StageChangeEvent
{
    /// <summary>
    /// The event <c>lifecycle.stage_changed</c> (source Nurture) with <c>fromStage</c> (absent the first time) and
    /// <c>toStage</c>, dated by the change; its id is derived from <see cref="StageChange.IdempotencyKey"/>, so scoring
    /// the same day again yields the same event and ingestion drops the repeat.
    /// </summary>
    public static CanonicalEvent From(StageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var key = change.IdempotencyKey;
        var eventId = "lifecycle:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant();
        var properties = new Dictionary<string, string> { [StageChange.ToProperty] = MetricNames.Of(change.To) };
        if (change.From is { } from)
        {
            properties[StageChange.FromProperty] = MetricNames.Of(from);
        }

        return new CanonicalEvent(eventId, StageChange.EventType, EventSource.Nurture, key, change.ChangedAt, new ContactIdentity(change.ContactId), JsonSerializer.SerializeToElement(properties));
    }
}

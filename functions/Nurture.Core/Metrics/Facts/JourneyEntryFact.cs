namespace Nurture.Core.Metrics.Facts;

/// <summary>A contact entered a journey (one instance).</summary>
/// <param name="InstanceId">The deterministic instance id: the dedupe key.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version the instance runs on.</param>
/// <param name="ContactId">The contact (never reported).</param>
/// <param name="EnteredAt">When the instance started.</param>
public sealed record JourneyEntryFact(string InstanceId, string JourneyId, int Version, string ContactId, DateTimeOffset EnteredAt)
{
    /// <summary>Throws when the fact cannot be used.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrEmpty(InstanceId);
        ArgumentException.ThrowIfNullOrEmpty(JourneyId);
        ArgumentException.ThrowIfNullOrEmpty(ContactId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Version);
    }
}

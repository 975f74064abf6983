using Nurture.Core.Journeys.Decider;

namespace Nurture.Core.Metrics.Facts;

/// <summary>A split put an instance's contact into a variant or into the holdout.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">The journey.</param>
/// <param name="Version">The version.</param>
/// <param name="SplitNodeId">The split node. (instance, split node) is the dedupe key.</param>
/// <param name="Variant">The variant name, or <see cref="JourneyDecider.HoldoutVariant"/>.</param>
/// <param name="ContactId">The contact (never reported).</param>
/// <param name="AssignedAt">When the split decided; the observation window starts here.</param>
public sealed record SplitAssignmentFact(
    string InstanceId,
    string JourneyId,
    int Version,
    string SplitNodeId,
    string Variant,
    string ContactId,
    DateTimeOffset AssignedAt)
{
    /// <summary>Whether the contact is in the holdout.</summary>
    public bool IsHoldout => Variant == JourneyDecider.HoldoutVariant;

    /// <summary>Throws when the fact cannot be used.</summary>
    public void ThrowIfInvalid()
    {
        ArgumentException.ThrowIfNullOrEmpty(InstanceId);
        ArgumentException.ThrowIfNullOrEmpty(JourneyId);
        ArgumentException.ThrowIfNullOrEmpty(SplitNodeId);
        ArgumentException.ThrowIfNullOrEmpty(Variant);
        ArgumentException.ThrowIfNullOrEmpty(ContactId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Version);
    }
}

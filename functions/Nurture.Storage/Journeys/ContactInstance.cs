using Nurture.Core.Journeys.Entry;
using Nurture.Core.Journeys.Runtime;

namespace Nurture.Storage.Journeys;

/// <summary>One instance in a contact's index: enough to route events and apply re-entry rules.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="JourneyId">Its journey.</param>
/// <param name="Version">Its version.</param>
/// <param name="InstanceKey">Its instance key value, if any.</param>
/// <param name="EnteredAt">When it was created.</param>
/// <param name="Status">Its last known status.</param>
public sealed record ContactInstance(
    string ContactId,
    string InstanceId,
    string JourneyId,
    int Version,
    string? InstanceKey,
    DateTimeOffset EnteredAt,
    JourneyStatus Status)
{
    /// <summary>Whether the instance has not ended.</summary>
    public bool Live => !Status.IsFinished();

    /// <summary>As input to <see cref="JourneyEntryEvaluator"/>.</summary>
    public PriorInstance ToPrior() => new(InstanceId, InstanceKey, EnteredAt, Live);
}

namespace Nurture.Core.Journeys.Entry;

/// <summary>An earlier instance of the same journey for the same contact, as input to re-entry rules.</summary>
/// <param name="InstanceId">Its id.</param>
/// <param name="InstanceKey">Its instance key value, if the journey has one.</param>
/// <param name="StartedAt">When it entered.</param>
/// <param name="Live">Whether it has not ended yet.</param>
public sealed record PriorInstance(string InstanceId, string? InstanceKey, DateTimeOffset StartedAt, bool Live);

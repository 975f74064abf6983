namespace Nurture.Core.Journeys.Policies;

/// <summary>At most <see cref="Max"/> marketing messages on a channel within any rolling <see cref="Window"/>, across journeys.</summary>
/// <param name="Max">Largest number of sends in the window.</param>
/// <param name="Window">The rolling window.</param>
public sealed record FrequencyCap(int Max, TimeSpan Window);

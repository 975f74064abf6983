namespace Nurture.Functions.Journeys.Design;

/// <summary>Answer of <c>POST .../pause</c> and <c>POST .../resume</c>.</summary>
/// <param name="JourneyId">The journey.</param>
/// <param name="Paused">Whether new entries are now paused.</param>
public sealed record JourneyPauseState(string JourneyId, bool Paused);

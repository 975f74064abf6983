using Nurture.Core.Journeys.Runtime;

namespace Nurture.Storage.Journeys;

/// <summary>An instance's state as its last recorded decision left it.</summary>
/// <param name="State">The decider's state.</param>
/// <param name="Decision">How many decisions were recorded (numbers the timeline rows).</param>
/// <param name="UpdatedAt">When the decision was recorded.</param>
public sealed record RecordedInstance(JourneyState State, int Decision, DateTimeOffset? UpdatedAt);

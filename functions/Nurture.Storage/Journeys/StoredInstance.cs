using Azure;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Storage.Journeys;

/// <summary>An instance as loaded: its state, the ETag to save against, and the commands a saved decision still owes.</summary>
/// <param name="State">The decider's state.</param>
/// <param name="ETag">The state row's ETag.</param>
/// <param name="Decision">How many decisions were saved (numbers the history rows).</param>
/// <param name="Pending">Side effects of the last saved decision not yet confirmed as applied.</param>
public sealed record StoredInstance(JourneyState State, ETag ETag, int Decision, IReadOnlyList<JourneyCommand> Pending);

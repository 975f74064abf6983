namespace Nurture.Core.Journeys.Runtime.Commands;

/// <summary>Append a line to the instance's timeline.</summary>
/// <param name="Entry">The line.</param>
public sealed record RecordHistory(HistoryEntry Entry) : JourneyCommand;

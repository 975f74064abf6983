namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Send at the contact's most engaged hour within a window starting when the step is reached.</summary>
/// <param name="WithinHours">Window length in hours (1 to 168).</param>
public sealed record BestTimeWindow(int WithinHours);

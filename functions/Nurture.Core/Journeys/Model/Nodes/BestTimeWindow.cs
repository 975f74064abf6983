namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>Send at the contact's best time within a window starting when the step is reached.</summary>
/// <param name="WithinHours">Window length in hours (1 to 168).</param>
/// <param name="HoldoutShare">
/// Share of sends (0 to 0.5, by a stable hash of the message id) that go at the plain time instead, as if the
/// step had no best-time option, so campaign metrics can measure what optimised timing adds. 0 for none.
/// </param>
public sealed record BestTimeWindow(int WithinHours, double HoldoutShare = 0);

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>One variant of a split.</summary>
/// <param name="Name">Variant name, recorded for reporting.</param>
/// <param name="Weight">Relative weight (positive).</param>
/// <param name="Next">Where the variant goes; null ends the journey.</param>
public sealed record SplitVariant(string Name, int Weight, string? Next);

namespace Nurture.Core.Metrics.Campaigns;

/// <summary>One split node's groups and comparisons.</summary>
/// <param name="SplitNodeId">The split node.</param>
/// <param name="Groups">Each variant and the holdout, by name.</param>
/// <param name="Comparisons">Each variant against the baseline (and all variants pooled against the holdout).</param>
/// <param name="PendingAssignments">Assignments whose observation window is still open (not yet counted).</param>
public sealed record SplitExperiment(string SplitNodeId, IReadOnlyList<SplitGroup> Groups, IReadOnlyList<SplitComparison> Comparisons, int PendingAssignments);

using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Model.Nodes;

/// <summary>
/// Assigns each contact to a weighted variant (or the holdout) by a stable hash of contact, journey and node,
/// so the same contact always lands in the same variant and no randomness is involved.
/// </summary>
/// <param name="Id">Node id.</param>
/// <param name="Variants">Weighted variants.</param>
/// <param name="HoldoutWeight">Weight of the holdout group, which exits without further sends (0 for none).</param>
public sealed record SplitNode(string Id, IReadOnlyList<SplitVariant> Variants, int HoldoutWeight = 0) : JourneyNode(Id)
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Type => JourneyNodeTypes.Split;

    /// <inheritdoc />
    public override IEnumerable<(string Label, string? Target)> Edges()
    {
        for (var i = 0; i < Variants.Count; i++)
        {
            yield return ($"variants[{i}].next", Variants[i].Next);
        }
    }
}

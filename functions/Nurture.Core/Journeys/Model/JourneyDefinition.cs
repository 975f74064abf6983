using System.Text.Json.Serialization;
using Nurture.Core.Journeys.Model.Nodes;

namespace Nurture.Core.Journeys.Model;

/// <summary>
/// One version of a journey: who enters, what ends it early, and the graph of steps each contact walks.
/// </summary>
/// <remarks>
/// A published version is immutable. Instances record the version they started on and are always advanced
/// with that version's definition, so publishing a new version only changes what new entries get.
/// </remarks>
/// <param name="Id">Stable journey id (the same for every version).</param>
/// <param name="Name">Display name for marketers.</param>
/// <param name="Version">Version number, 1 and up.</param>
/// <param name="Entry">How contacts enter.</param>
/// <param name="Start">Id of the first node.</param>
/// <param name="Nodes">Every node of the graph.</param>
/// <param name="Goals">Events that end an instance early; re-checked before every send.</param>
/// <param name="ReEntry">Whether a contact may enter again.</param>
/// <param name="InstanceKey">Property path of the entry event whose value keys an instance (e.g. the checkout token), so a contact has one live instance per key.</param>
/// <param name="Description">Optional free text.</param>
public sealed record JourneyDefinition(
    string Id,
    string Name,
    int Version,
    JourneyEntry Entry,
    string Start,
    IReadOnlyList<JourneyNode> Nodes,
    IReadOnlyList<ExitGoal>? Goals = null,
    ReEntryPolicy? ReEntry = null,
    string? InstanceKey = null,
    string? Description = null)
{
    /// <summary>The goals, never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<ExitGoal> GoalsOrEmpty => Goals ?? [];

    /// <summary>The re-entry policy, defaulting to <see cref="ReEntryPolicy.Never"/>.</summary>
    [JsonIgnore]
    public ReEntryPolicy ReEntryOrDefault => ReEntry ?? ReEntryPolicy.Never;

    /// <summary>Finds a node by id; null when there is none.</summary>
    /// <param name="nodeId">The node id.</param>
    public JourneyNode? FindNode(string nodeId)
    {
        ArgumentNullException.ThrowIfNull(nodeId);
        foreach (var node in Nodes)
        {
            if (string.Equals(node.Id, nodeId, StringComparison.Ordinal))
            {
                return node;
            }
        }

        return null;
    }
}

using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Metrics.Facts;

namespace Nurture.Core.Metrics.Mapping;

public static partial class MetricFactMapper
{
    /// <summary>A send from the decider's command, once the ledger recorded it as sent.</summary>
    /// <param name="command">The send command.</param>
    /// <param name="sentAt">When the channel accepted it.</param>
    /// <param name="timing">Its side of the send-time experiment, if any.</param>
    public static SendFact Send(SendMessage command, DateTimeOffset sentAt, SendTiming timing = SendTiming.NotInExperiment)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new SendFact(command.MessageId, command.JourneyId, command.Version, command.NodeId, command.Variant, command.Channel, command.ContactId, sentAt, timing);
    }

    /// <summary>The entry of a started instance; null while it is pending.</summary>
    /// <param name="state">The instance's state.</param>
    public static JourneyEntryFact? Entry(JourneyState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.StartedAt is { } started
            ? new JourneyEntryFact(state.InstanceId, state.JourneyId, state.Version, state.ContactId, started)
            : null;
    }

    /// <summary>
    /// The instance's split assignments (variant or holdout per split node), each dated by the split's first
    /// decision in the history when given, else by the instance's start.
    /// </summary>
    /// <param name="state">The instance's state.</param>
    /// <param name="history">The instance's history, if at hand.</param>
    public static IReadOnlyList<SplitAssignmentFact> Assignments(JourneyState state, IReadOnlyList<HistoryEntry>? history = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.VariantsOrEmpty.IsEmpty)
        {
            return [];
        }

        var assignments = new List<SplitAssignmentFact>(state.VariantsOrEmpty.Count);
        foreach (var (nodeId, variant) in state.VariantsOrEmpty.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            DateTimeOffset? at = null;
            foreach (var entry in history ?? [])
            {
                if (entry.Kind == HistoryKind.Decision && entry.NodeId == nodeId && (at is null || entry.At < at))
                {
                    at = entry.At;
                }
            }

            if ((at ?? state.StartedAt) is { } assignedAt)
            {
                assignments.Add(new SplitAssignmentFact(state.InstanceId, state.JourneyId, state.Version, nodeId, variant, state.ContactId, assignedAt));
            }
        }

        return assignments;
    }
}

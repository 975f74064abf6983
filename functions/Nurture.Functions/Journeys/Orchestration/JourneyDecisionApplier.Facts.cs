using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Mapping;
using Nurture.Core.SendTime;

namespace Nurture.Functions.Journeys.Orchestration;

public sealed partial class JourneyDecisionApplier
{
    /// <summary>The instance's entry (in the decision that started it) and the splits this decision chose, for the campaign report.</summary>
    /// <remarks>Keyed by instance (and split node), so the activity's re-run writes the same rows.</remarks>
    private async Task RecordEntryAndSplitsAsync(JourneyState state, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        if (history.Any(h => h.Kind == HistoryKind.Started) && MetricFactMapper.Entry(state) is { } entry)
        {
            await storage.Facts.AddAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        var decided = history.Where(h => h.Kind == HistoryKind.Decision && h.NodeId is not null).Select(h => h.NodeId!).ToHashSet(StringComparer.Ordinal);
        foreach (var assignment in MetricFactMapper.Assignments(state, history).Where(a => decided.Contains(a.SplitNodeId)))
        {
            await storage.Facts.AddAsync(assignment, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The send, for the campaign report: stored before the ledger says sent, so no sent message lacks one.</summary>
    private Task RecordSendAsync(SendMessage send, DateTimeOffset sentAt, CancellationToken cancellationToken) =>
        storage.Facts.AddAsync(MetricFactMapper.Send(send, sentAt, TimingOf(send.SendTime)), cancellationToken);

    /// <summary>The best-time arm as the send-time experiment counts it: explored slots are neither the model's choice nor the control.</summary>
    private static SendTiming TimingOf(SendTimeArm? arm) => arm switch
    {
        SendTimeArm.Optimized => SendTiming.Optimized,
        SendTimeArm.Holdout => SendTiming.FixedTimeControl,
        _ => SendTiming.NotInExperiment,
    };
}

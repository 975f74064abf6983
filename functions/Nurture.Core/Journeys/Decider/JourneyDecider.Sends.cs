using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Core.Journeys.Decider;

public static partial class JourneyDecider
{
    private static NodeStep ExecuteSend(DecisionSession session, SendNode node)
    {
        if (FirstMetGoal(session) is { } goal)
        {
            session.End(JourneyStatus.Exited, $"goal '{goal}' met before send");
            return NodeStep.Stop;
        }

        if (string.IsNullOrWhiteSpace(node.Template))
        {
            session.Record(HistoryKind.Skipped, "send node has no template", node.Id);
            return NodeStep.Go(node.Next);
        }

        var messageId = JourneyIds.MessageId(session.State.InstanceId, node.Id, session.State.VisitsTo(node.Id));
        var arm = BestTimeArm(session, node, messageId);
        if (arm is not null && session.State.SendAttempt == 0 && DeferToBestTime(session, node, arm.Value, messageId))
        {
            return NodeStep.Stop;
        }

        var request = new SendRequest(
            node.MessageChannel,
            node.Marketing,
            node.Priority,
            session.Contact,
            session.Zone,
            session.Now,
            session.Context.RecentSends ?? []);
        var verdict = SendPolicy.Evaluate(request, session.Policy);
        switch (verdict.Verdict)
        {
            case SendVerdict.Skip:
                session.Record(HistoryKind.Skipped, verdict.Reason, node.Id);
                return NodeStep.Go(node.Next);
            case SendVerdict.Defer:
                session.SetTimer(node.Id, TimerPurpose.SendDeferred, verdict.Until!.Value, JourneyStatus.Waiting);
                session.State = session.State with { SendAttempt = session.State.SendAttempt + 1 };
                session.Record(HistoryKind.Deferred, $"{verdict.Reason}; retry at {verdict.Until:O}", node.Id);
                return NodeStep.Stop;
        }

        session.Add(new SendMessage(
            messageId,
            node.MessageChannel,
            node.Template,
            session.State.ContactId,
            session.State.JourneyId,
            session.State.Version,
            node.Id,
            string.IsNullOrWhiteSpace(node.Channel?.Sender) ? null : node.Channel.Sender,
            node.Channel?.Subject,
            node.Channel?.Category,
            node.Marketing,
            VariantOf(session),
            arm));
        session.Record(HistoryKind.Sent, $"{node.Type} template '{node.Template}'", node.Id, messageId);
        return NodeStep.Go(node.Next);
    }

    private static string? VariantOf(DecisionSession session)
    {
        var variants = session.State.VariantsOrEmpty;
        return variants.IsEmpty ? null : string.Join(',', variants.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
    }

    private static void SendResult(DecisionSession session, Runtime.Triggers.SendResultTrigger result)
    {
        var detail = result.Detail is null ? string.Empty : $" ({result.Detail})";
        session.Record(HistoryKind.SendResult, $"{result.Outcome.ToString().ToLowerInvariant()}{detail}", messageId: result.MessageId);
    }
}

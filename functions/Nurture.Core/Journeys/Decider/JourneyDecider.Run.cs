using System.Globalization;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Runtime;

namespace Nurture.Core.Journeys.Decider;

public static partial class JourneyDecider
{
    /// <summary>Enters <paramref name="nodeId"/> and keeps walking until a node waits or the instance ends.</summary>
    private static void MoveTo(DecisionSession session, string? nodeId, string via)
    {
        var target = nodeId;
        var entered = 0;
        while (true)
        {
            if (target is null)
            {
                session.End(JourneyStatus.Completed, "reached the end of the journey");
                return;
            }

            if (++entered > MaxStepsPerDecision)
            {
                session.End(JourneyStatus.Exited, string.Create(CultureInfo.InvariantCulture, $"more than {MaxStepsPerDecision} steps without a wait"));
                return;
            }

            var node = session.Definition.FindNode(target);
            if (node is null)
            {
                session.End(JourneyStatus.Exited, $"node '{target}' does not exist");
                return;
            }

            Enter(session, node, entered == 1 ? via : "next");
            var step = Execute(session, node);
            if (!step.GoOn)
            {
                return;
            }

            target = step.Next;
        }
    }

    /// <summary>Runs the current node again (after a timer) without counting a new visit, then walks on.</summary>
    private static void Rerun(DecisionSession session, JourneyNode node)
    {
        var step = Execute(session, node);
        if (step.GoOn)
        {
            MoveTo(session, step.Next, "next");
        }
    }

    private static void Enter(DecisionSession session, JourneyNode node, string via)
    {
        var state = session.State;
        session.State = state with
        {
            CurrentNodeId = node.Id,
            Visits = state.VisitsOrEmpty.SetItem(node.Id, state.VisitsTo(node.Id) + 1),
            SendAttempt = 0,
            Timer = null,
            Status = state.Status == JourneyStatus.Pending ? JourneyStatus.Waiting : state.Status,
            Steps = state.Steps + 1,
        };
        session.Record(HistoryKind.Step, $"entered {node.Type} via {via}", node.Id);
    }

    private static NodeStep Execute(DecisionSession session, JourneyNode node) => node switch
    {
        SendNode send => ExecuteSend(session, send),
        DelayNode delay => ExecuteDelay(session, delay),
        WaitForEventNode wait => ExecuteWait(session, wait),
        BranchNode branch => ExecuteBranch(session, branch),
        SplitNode split => ExecuteSplit(session, split),
        UpdateProfileNode update => ExecuteUpdateProfile(session, update),
        ExitNode exit => ExecuteExit(session, exit),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.Type, "Unknown node type."),
    };

    private static NodeStep ExecuteExit(DecisionSession session, ExitNode exit)
    {
        session.End(JourneyStatus.Completed, exit.Reason ?? "exit node");
        return NodeStep.Stop;
    }
}

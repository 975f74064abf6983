using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Model.Nodes;

namespace Nurture.Core.Journeys.Validation;

public static partial class JourneyValidator
{
    private static void ValidateGraph(JourneyDefinition definition, List<ValidationProblem> problems)
    {
        var nodes = (definition.Nodes ?? []).Where(n => n is not null && !string.IsNullOrWhiteSpace(n.Id)).ToList();
        var byId = new Dictionary<string, JourneyNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            byId.TryAdd(node.Id, node);
        }

        if (string.IsNullOrWhiteSpace(definition.Start))
        {
            problems.Add(new("start", "start node is required"));
        }
        else if (!byId.ContainsKey(definition.Start))
        {
            problems.Add(new("start", $"start refers to unknown node '{definition.Start}'"));
        }

        var all = definition.Nodes ?? [];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] is null)
            {
                continue;
            }

            foreach (var (label, target) in all[i].Edges())
            {
                if (target is not null && !byId.ContainsKey(target))
                {
                    problems.Add(new($"nodes[{i}].{label}", $"node '{all[i].Id}' refers to unknown node '{target}'"));
                }
            }
        }

        if (definition.Start is { } start && byId.ContainsKey(start))
        {
            var reachable = Reachable(start, byId);
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i] is { } node && !string.IsNullOrWhiteSpace(node.Id) && !reachable.Contains(node.Id))
                {
                    problems.Add(new($"nodes[{i}]", $"node '{node.Id}' is unreachable from start '{start}'"));
                }
            }
        }

        foreach (var loop in LoopsWithoutWait(nodes, byId))
        {
            var index = IndexOf(all, loop[0]);
            problems.Add(new($"nodes[{index}]", $"loop {string.Join(" -> ", loop)} -> {loop[0]} has no delay or wait_for_event"));
        }
    }

    private static HashSet<string> Reachable(string start, Dictionary<string, JourneyNode> byId)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var id))
        {
            foreach (var (_, target) in byId[id].Edges())
            {
                if (target is not null && byId.ContainsKey(target) && reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        return reached;
    }

    /// <summary>Cycles made only of nodes that pass control on at once; each is reported once, from its first node in document order.</summary>
    private static List<List<string>> LoopsWithoutWait(List<JourneyNode> nodes, Dictionary<string, JourneyNode> byId)
    {
        var loops = new List<List<string>>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new List<string>();
        foreach (var node in nodes)
        {
            if (!done.Contains(node.Id) && PassesOnAtOnce(node))
            {
                Visit(node.Id);
            }
        }

        return loops;

        void Visit(string id)
        {
            onPath.Add(id);
            foreach (var (_, target) in byId[id].Edges())
            {
                if (target is null || !byId.TryGetValue(target, out var next) || !PassesOnAtOnce(next))
                {
                    continue;
                }

                var at = onPath.IndexOf(target);
                if (at >= 0)
                {
                    loops.Add(onPath.Skip(at).ToList());
                }
                else if (!done.Contains(target))
                {
                    Visit(target);
                }
            }

            onPath.RemoveAt(onPath.Count - 1);
            done.Add(id);
        }
    }

    private static bool PassesOnAtOnce(JourneyNode node) => node switch
    {
        WaitForEventNode => false,
        DelayNode delay => !(delay.Duration > TimeSpan.Zero || delay.DaysFrom is not null || delay.AtLocalTime is not null),
        _ => true,
    };

    private static int IndexOf(IReadOnlyList<JourneyNode> nodes, string id)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i] is not null && nodes[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

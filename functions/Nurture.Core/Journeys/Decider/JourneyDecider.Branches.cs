using System.Globalization;
using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Journeys.Model.Nodes;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;

namespace Nurture.Core.Journeys.Decider;

public static partial class JourneyDecider
{
    /// <summary>The variant name recorded for contacts in a split's holdout.</summary>
    public const string HoldoutVariant = "holdout";

    private static NodeStep ExecuteBranch(DecisionSession session, BranchNode node)
    {
        var scope = JourneyScope(session);
        for (var i = 0; i < node.Cases.Count; i++)
        {
            if (ConditionEvaluator.Evaluate(node.Cases[i].When, scope))
            {
                session.Record(HistoryKind.Decision, string.Create(CultureInfo.InvariantCulture, $"case {i} holds"), node.Id);
                return NodeStep.Go(node.Cases[i].Next);
            }
        }

        session.Record(HistoryKind.Decision, "no case holds; default", node.Id);
        return NodeStep.Go(node.DefaultNext);
    }

    private static NodeStep ExecuteSplit(DecisionSession session, SplitNode node)
    {
        var state = session.State;
        var bucket = JourneyIds.SplitBucket(state.JourneyId, node.Id, state.ContactId);
        var chosen = state.VariantsOrEmpty.TryGetValue(node.Id, out var earlier) ? earlier : ChooseVariant(node, bucket);
        if (chosen is null)
        {
            session.End(JourneyStatus.Exited, "split has no positive weights");
            return NodeStep.Stop;
        }

        session.State = state with { Variants = state.VariantsOrEmpty.SetItem(node.Id, chosen) };
        session.Record(HistoryKind.Decision, string.Create(CultureInfo.InvariantCulture, $"bucket {bucket}: variant {chosen}"), node.Id);
        if (chosen == HoldoutVariant)
        {
            session.End(JourneyStatus.Exited, "holdout");
            return NodeStep.Stop;
        }

        return NodeStep.Go(node.Variants.First(v => v.Name == chosen).Next);
    }

    /// <summary>Maps a bucket in [0, 10000) onto the weights: variants in order, then the holdout.</summary>
    /// <param name="node">The split.</param>
    /// <param name="bucket">The contact's bucket.</param>
    public static string? ChooseVariant(SplitNode node, int bucket)
    {
        ArgumentNullException.ThrowIfNull(node);
        long total = Math.Max(0, node.HoldoutWeight) + node.Variants.Sum(v => (long)Math.Max(0, v.Weight));
        if (total == 0)
        {
            return null;
        }

        var position = bucket * total / JourneyIds.BucketCount;
        long cumulative = 0;
        foreach (var variant in node.Variants)
        {
            cumulative += Math.Max(0, variant.Weight);
            if (position < cumulative)
            {
                return variant.Name;
            }
        }

        return HoldoutVariant;
    }

    private static NodeStep ExecuteUpdateProfile(DecisionSession session, UpdateProfileNode node)
    {
        var add = node.AddTags ?? [];
        var remove = node.RemoveTags ?? [];
        var set = node.SetAttributes ?? new Dictionary<string, System.Text.Json.JsonElement>();
        session.Add(new UpdateProfile(session.State.ContactId, add, remove, set));

        var tags = new HashSet<string>(session.Contact.TagsOrEmpty, StringComparer.Ordinal);
        tags.UnionWith(add);
        tags.ExceptWith(remove);
        var attributes = new Dictionary<string, System.Text.Json.JsonElement>(session.Contact.AttributesOrEmpty, StringComparer.Ordinal);
        foreach (var (name, value) in set)
        {
            attributes[name] = value;
        }

        session.Contact = session.Contact with { Tags = tags, Attributes = attributes };
        session.Record(
            HistoryKind.ProfileUpdated,
            $"tags +[{string.Join(',', add)}] -[{string.Join(',', remove)}], attributes [{string.Join(',', set.Keys)}]",
            node.Id);
        return NodeStep.Go(node.Next);
    }
}

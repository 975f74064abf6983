using System.Globalization;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Model.Nodes;

namespace Nurture.Core.Journeys.Validation;

public static partial class JourneyValidator
{
    private static void ValidateNodes(JourneyDefinition definition, List<ValidationProblem> problems)
    {
        var nodes = definition.Nodes ?? [];
        if (nodes.Count == 0)
        {
            problems.Add(new("nodes", "a journey needs at least one node"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            var path = $"nodes[{i}]";
            if (node is null)
            {
                problems.Add(new(path, "node is null"));
                continue;
            }

            if (string.IsNullOrWhiteSpace(node.Id))
            {
                problems.Add(new($"{path}.id", "node id is required"));
            }
            else if (!seen.Add(node.Id))
            {
                problems.Add(new($"{path}.id", $"duplicate node id '{node.Id}'"));
            }

            ValidateNode(node, path, problems);
        }
    }

    private static void ValidateNode(JourneyNode node, string path, List<ValidationProblem> problems)
    {
        switch (node)
        {
            case SendNode send:
                ValidateSend(send, path, problems);
                break;
            case DelayNode delay:
                ValidateDelay(delay, path, problems);
                break;
            case WaitForEventNode wait:
                if (string.IsNullOrWhiteSpace(wait.EventType))
                {
                    problems.Add(new($"{path}.event_type", $"wait '{node.Id}' needs the event type it waits for"));
                }

                if (wait.Timeout <= TimeSpan.Zero)
                {
                    problems.Add(new($"{path}.timeout", $"wait '{node.Id}' needs a positive timeout"));
                }

                ValidateKeys(wait.Match, $"{path}.match", problems);
                ConditionValidator.Validate(wait.Filter, $"{path}.filter", problems);
                break;
            case BranchNode branch:
                if (branch.Cases is not { Count: > 0 })
                {
                    problems.Add(new($"{path}.cases", $"branch '{node.Id}' needs at least one case"));
                    break;
                }

                for (var c = 0; c < branch.Cases.Count; c++)
                {
                    ConditionValidator.Validate(branch.Cases[c].When, $"{path}.cases[{c}].when", problems);
                    if (branch.Cases[c].When is null)
                    {
                        problems.Add(new($"{path}.cases[{c}].when", $"branch '{node.Id}' case {c} needs a condition"));
                    }
                }

                break;
            case SplitNode split:
                ValidateSplit(split, path, problems);
                break;
            case UpdateProfileNode update:
                if ((update.AddTags?.Count ?? 0) + (update.RemoveTags?.Count ?? 0) + (update.SetAttributes?.Count ?? 0) == 0)
                {
                    problems.Add(new(path, $"update_profile '{node.Id}' changes nothing: add tags, remove tags or set attributes"));
                }

                break;
        }
    }

    private static void ValidateSend(SendNode send, string path, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(send.Template))
        {
            problems.Add(new($"{path}.template", $"{send.Type} '{send.Id}' has no template"));
        }

        // No channel settings or no sender is fine: the shop's default sender applies (checked when publishing).
        if (send.Channel?.Sender is { } sender && string.IsNullOrWhiteSpace(sender))
        {
            problems.Add(new($"{path}.channel.sender", $"{send.Type} '{send.Id}' has a blank sender: name one, or leave sender out to use the shop's default"));
        }

        if (send.BestTime is { WithinHours: < 1 or > 168 } best)
        {
            problems.Add(new($"{path}.best_time.within_hours", $"best-time window must be 1 to 168 hours, was {best.WithinHours}"));
        }

        if (send.BestTime is { } timing && !(timing.HoldoutShare >= 0 && timing.HoldoutShare <= 0.5))
        {
            problems.Add(new($"{path}.best_time.holdout_share", string.Create(CultureInfo.InvariantCulture, $"best-time holdout share must be 0 to 0.5, was {timing.HoldoutShare}")));
        }
    }

    private static void ValidateDelay(DelayNode delay, string path, List<ValidationProblem> problems)
    {
        if (delay.Duration is null && delay.DaysFrom is null && delay.AtLocalTime is null)
        {
            problems.Add(new(path, $"delay '{delay.Id}' needs a duration, days_from or at_local_time"));
        }

        if (delay.Duration < TimeSpan.Zero)
        {
            problems.Add(new($"{path}.duration", $"delay '{delay.Id}' has a negative duration"));
        }

        if (delay.DaysFrom is { } daysFrom && !Conditions.PathRoots.IsRooted(daysFrom))
        {
            problems.Add(new($"{path}.days_from", $"path '{daysFrom}' must start with one of: {string.Join(", ", Conditions.PathRoots.All)}"));
        }
    }

    private static void ValidateSplit(SplitNode split, string path, List<ValidationProblem> problems)
    {
        if (split.Variants is not { Count: > 0 })
        {
            problems.Add(new($"{path}.variants", $"split '{split.Id}' needs at least one variant"));
            return;
        }

        if (split.HoldoutWeight < 0)
        {
            problems.Add(new($"{path}.holdout_weight", $"split '{split.Id}' holdout weight must not be negative"));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var v = 0; v < split.Variants.Count; v++)
        {
            var variant = split.Variants[v];
            if (variant.Weight <= 0)
            {
                problems.Add(new($"{path}.variants[{v}].weight", $"split '{split.Id}' variant '{variant.Name}' needs a positive weight, was {variant.Weight}"));
            }

            if (string.IsNullOrWhiteSpace(variant.Name) || variant.Name == JourneyDecider.HoldoutVariant)
            {
                problems.Add(new($"{path}.variants[{v}].name", $"split '{split.Id}' variant needs a name other than '{JourneyDecider.HoldoutVariant}'"));
            }
            else if (!names.Add(variant.Name))
            {
                problems.Add(new($"{path}.variants[{v}].name", $"split '{split.Id}' has two variants named '{variant.Name}'"));
            }
        }
    }
}

using Nurture.Core.Journeys.Model;

namespace Nurture.Core.Journeys.Validation;

/// <summary>
/// Checks a journey document and names every problem with its path: missing fields, unknown node references,
/// duplicate ids, unreachable nodes, loops without a delay or wait, missing templates or channel settings, bad
/// split weights, malformed conditions. An empty list means the journey can be published.
/// </summary>
public static partial class JourneyValidator
{
    /// <summary>Every problem in the document, in document order; empty when valid.</summary>
    /// <param name="definition">The journey.</param>
    public static IReadOnlyList<ValidationProblem> Validate(JourneyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            problems.Add(new("id", "journey id is required"));
        }

        if (string.IsNullOrWhiteSpace(definition.Name))
        {
            problems.Add(new("name", "journey name is required"));
        }

        if (definition.Version < 1)
        {
            problems.Add(new("version", $"version must be 1 or more, was {definition.Version}"));
        }

        if (definition.InstanceKey is { } key && string.IsNullOrWhiteSpace(key))
        {
            problems.Add(new("instance_key", "instance key must be a property path of the entry event, or omitted"));
        }

        if (definition.InstanceKey is not null && definition.Entry?.Kind != EntryKind.Event)
        {
            problems.Add(new("instance_key", "an instance key needs an event entry to read it from"));
        }

        ValidateEntry(definition.Entry, problems);
        ValidateReEntry(definition.ReEntry, problems);
        ValidateGoals(definition.GoalsOrEmpty, problems);
        ValidateNodes(definition, problems);
        ValidateGraph(definition, problems);
        return problems;
    }

    private static void ValidateEntry(JourneyEntry? entry, List<ValidationProblem> problems)
    {
        if (entry is null)
        {
            problems.Add(new("entry", "entry is required (event, segment or api)"));
            return;
        }

        switch (entry.Kind)
        {
            case EntryKind.Event:
                if (string.IsNullOrWhiteSpace(entry.EventType))
                {
                    problems.Add(new("entry.event_type", "an event entry needs the event type that starts the journey"));
                }

                ConditionValidator.Validate(entry.Filter, "entry.filter", problems);
                break;
            case EntryKind.Segment:
                if (entry.Segment is null)
                {
                    problems.Add(new("entry.segment", "a segment entry needs the segment condition"));
                }

                ConditionValidator.Validate(entry.Segment, "entry.segment", problems);
                break;
        }
    }

    private static void ValidateReEntry(ReEntryPolicy? policy, List<ValidationProblem> problems)
    {
        if (policy is { Mode: ReEntryMode.After } && policy.Days is not > 0)
        {
            problems.Add(new("re_entry.days", "re-entry 'after' needs a positive number of days"));
        }
    }

    private static void ValidateGoals(IReadOnlyList<ExitGoal> goals, List<ValidationProblem> problems)
    {
        for (var i = 0; i < goals.Count; i++)
        {
            var path = $"goals[{i}]";
            if (string.IsNullOrWhiteSpace(goals[i].Name))
            {
                problems.Add(new($"{path}.name", "goal name is required"));
            }

            if (string.IsNullOrWhiteSpace(goals[i].EventType))
            {
                problems.Add(new($"{path}.event_type", "goal event type is required"));
            }

            ValidateKeys(goals[i].Match, $"{path}.match", problems);
            ConditionValidator.Validate(goals[i].Filter, $"{path}.filter", problems);
        }
    }

    private static void ValidateKeys(IReadOnlyList<KeyMatch>? keys, string path, List<ValidationProblem> problems)
    {
        for (var i = 0; i < (keys?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(keys![i].Trigger) || string.IsNullOrWhiteSpace(keys[i].Event))
            {
                problems.Add(new($"{path}[{i}]", "a key match needs both a trigger path and an event path"));
            }
        }
    }
}

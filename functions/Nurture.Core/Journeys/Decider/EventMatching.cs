using System.Text.Json;
using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;

namespace Nurture.Core.Journeys.Decider;

/// <summary>Whether an event meets a goal or an awaited step of an instance. Pure.</summary>
public static class EventMatching
{
    /// <summary>Whether the event meets the goal for an instance that entered with <paramref name="entry"/>.</summary>
    /// <param name="goal">The goal.</param>
    /// <param name="candidate">The event.</param>
    /// <param name="entry">The instance's entry event (null for API starts: keyed goals then never match).</param>
    /// <param name="contact">The contact.</param>
    /// <param name="now">Decision time.</param>
    public static bool MeetsGoal(ExitGoal goal, EventSnapshot candidate, EventSnapshot? entry, JourneyContact contact, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return Matches(goal.EventType, goal.Match, goal.Filter, candidate, entry, contact, now);
    }

    /// <summary>
    /// Whether an event of this type can change an instance of the journey at all: only goals and
    /// <c>wait_for_event</c> steps listen, so other events (page views, say) need not reach its instances.
    /// </summary>
    /// <param name="definition">The instance's journey version.</param>
    /// <param name="eventType">The event type.</param>
    public static bool Listens(JourneyDefinition definition, string eventType)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.GoalsOrEmpty.Any(g => string.Equals(g.EventType, eventType, StringComparison.Ordinal))
            || definition.Nodes.OfType<Model.Nodes.WaitForEventNode>().Any(w => string.Equals(w.EventType, eventType, StringComparison.Ordinal));
    }

    /// <summary>
    /// The goal a newly arrived event meets for an instance, if any: the instance's own entry event and events it has
    /// already handled meet none.
    /// </summary>
    /// <param name="definition">The instance's journey version.</param>
    /// <param name="state">The instance.</param>
    /// <param name="candidate">The event.</param>
    /// <param name="contact">The contact.</param>
    /// <param name="now">Decision time.</param>
    public static ExitGoal? GoalMetByArrival(JourneyDefinition definition, JourneyState state, EventSnapshot candidate, JourneyContact contact, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(candidate);
        if (state.SeenEventIdsOrEmpty.Contains(candidate.EventId)
            || string.Equals(candidate.EventId, state.Entry?.EventId, StringComparison.Ordinal))
        {
            return null;
        }

        return definition.GoalsOrEmpty.FirstOrDefault(goal => MeetsGoal(goal, candidate, state.Entry, contact, now));
    }

    /// <summary>Whether an event of this type, with these keys equal to the entry event's and passing the filter, is the one.</summary>
    /// <param name="eventType">Expected type.</param>
    /// <param name="keys">Keys that must match the entry event.</param>
    /// <param name="filter">Condition on the event.</param>
    /// <param name="candidate">The event.</param>
    /// <param name="entry">The entry event.</param>
    /// <param name="contact">The contact.</param>
    /// <param name="now">Decision time.</param>
    public static bool Matches(
        string eventType,
        IReadOnlyList<KeyMatch>? keys,
        Condition? filter,
        EventSnapshot candidate,
        EventSnapshot? entry,
        JourneyContact contact,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (!string.Equals(eventType, candidate.Type, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var key in keys ?? [])
        {
            if (!KeyEquals(key, candidate.Properties, entry?.Properties))
            {
                return false;
            }
        }

        return ConditionEvaluator.Evaluate(filter, new ConditionScope(contact, now, candidate.Properties, entry?.Properties));
    }

    private static bool KeyEquals(KeyMatch key, JsonElement candidate, JsonElement? entry)
    {
        var expected = PropertyPath.AsKeyText(PropertyPath.Resolve(entry, key.Trigger));
        var actual = PropertyPath.AsKeyText(PropertyPath.Resolve(candidate, key.Event));
        return expected is not null && string.Equals(expected, actual, StringComparison.Ordinal);
    }
}

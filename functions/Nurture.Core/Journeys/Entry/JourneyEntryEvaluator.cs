using Nurture.Core.Events;
using Nurture.Core.Journeys.Conditions;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;

namespace Nurture.Core.Journeys.Entry;

/// <summary>
/// Decides whether a contact enters a journey: the entry trigger and filter, one live instance per contact and
/// instance key, and the re-entry policy. Pure.
/// </summary>
/// <remarks>
/// Instance ids derive from the entry (event id or API request key), so a redelivered event or a retried API
/// call yields the same id and the runner's insert of the instance row dedupes it.
/// </remarks>
public static class JourneyEntryEvaluator
{
    /// <summary>Whether an event starts an instance of an event-triggered journey.</summary>
    /// <param name="definition">The current published version.</param>
    /// <param name="candidate">The event.</param>
    /// <param name="contact">The contact it concerns.</param>
    /// <param name="prior">The contact's earlier instances of this journey.</param>
    /// <param name="now">Decision time.</param>
    public static EntryDecision ForEvent(JourneyDefinition definition, CanonicalEvent candidate, JourneyContact contact, IReadOnlyList<PriorInstance> prior, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(prior);
        var entry = definition.Entry;
        if (entry.Kind != EntryKind.Event || !string.Equals(entry.EventType, candidate.Type, StringComparison.Ordinal))
        {
            return EntryDecision.Rejected("event does not trigger this journey");
        }

        var snapshot = EventSnapshot.From(candidate);
        if (!ConditionEvaluator.Evaluate(entry.Filter, new ConditionScope(contact, now, snapshot.Properties, snapshot.Properties)))
        {
            return EntryDecision.Rejected("entry filter does not match");
        }

        return Admit(definition, contact, prior, now, snapshot.EventId, snapshot);
    }

    /// <summary>Whether an API or segment start admits the contact.</summary>
    /// <param name="definition">The current published version.</param>
    /// <param name="contact">The contact.</param>
    /// <param name="requestKey">The start request's idempotency key (the same retried request gives the same instance).</param>
    /// <param name="prior">The contact's earlier instances of this journey.</param>
    /// <param name="now">Decision time.</param>
    /// <param name="entryEvent">Optional event to treat as the entry event (for keys and branches).</param>
    public static EntryDecision ForApi(JourneyDefinition definition, JourneyContact contact, string requestKey, IReadOnlyList<PriorInstance> prior, DateTimeOffset now, CanonicalEvent? entryEvent = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestKey);
        ArgumentNullException.ThrowIfNull(prior);
        if (definition.Entry.Kind == EntryKind.Segment && !MatchesSegment(definition, contact, now))
        {
            return EntryDecision.Rejected("contact is not in the journey's segment");
        }

        return Admit(definition, contact, prior, now, requestKey, entryEvent is null ? null : EventSnapshot.From(entryEvent));
    }

    /// <summary>Whether the contact is in a segment journey's segment (always true for other entry kinds).</summary>
    /// <param name="definition">The journey.</param>
    /// <param name="contact">The contact.</param>
    /// <param name="now">Decision time.</param>
    public static bool MatchesSegment(JourneyDefinition definition, JourneyContact contact, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Entry.Kind != EntryKind.Segment
            || ConditionEvaluator.Evaluate(definition.Entry.Segment, new ConditionScope(contact, now));
    }

    private static EntryDecision Admit(JourneyDefinition definition, JourneyContact contact, IReadOnlyList<PriorInstance> prior, DateTimeOffset now, string entryKey, EventSnapshot? entry)
    {
        string? key = null;
        if (definition.InstanceKey is { } keyPath)
        {
            key = PropertyPath.AsKeyText(PropertyPath.Resolve(entry?.Properties, keyPath));
            if (key is null)
            {
                return EntryDecision.Rejected($"entry has no value for instance key '{keyPath}'");
            }
        }

        var instanceId = JourneyIds.InstanceId(definition.Id, contact.ContactId, entryKey);
        if (prior.Any(p => p.InstanceId == instanceId))
        {
            return EntryDecision.Rejected("this entry already started an instance");
        }

        var sameKey = prior.Where(p => string.Equals(p.InstanceKey, key, StringComparison.Ordinal)).ToList();
        if (sameKey.Any(p => p.Live))
        {
            return EntryDecision.Rejected("an instance is already live for this contact and key");
        }

        var policy = definition.ReEntryOrDefault;
        if (sameKey.Count > 0)
        {
            var last = sameKey.Max(p => p.StartedAt);
            switch (policy.Mode)
            {
                case ReEntryMode.Never:
                    return EntryDecision.Rejected("re-entry is never allowed and the contact entered before");
                case ReEntryMode.After when now < last.AddDays(policy.Days ?? 0):
                    return EntryDecision.Rejected($"re-entry allowed {policy.Days} days after the last entry");
            }
        }

        var state = new JourneyState(instanceId, definition.Id, definition.Version, contact.ContactId, JourneyStatus.Pending, key, entry);
        return new EntryDecision(true, "entered", state);
    }
}

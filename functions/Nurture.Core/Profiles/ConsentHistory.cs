using Nurture.Core.Events;

namespace Nurture.Core.Profiles;

/// <summary>
/// The consent history of a contact from their events: what each event said about consent and suppression, read by
/// folding the event alone into an empty profile, so the history says exactly what the reducer took from it.
/// </summary>
public static class ConsentHistory
{
    /// <summary>The consent statements of <paramref name="events"/>, in the order given.</summary>
    public static IReadOnlyList<ConsentChange> Of(IEnumerable<CanonicalEvent> events, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(options);
        var changes = new List<ConsentChange>();
        foreach (var evt in events)
        {
            var alone = ProfileReducer.Apply(ContactProfile.Create("export"), evt, options);
            Add(changes, evt, "email", alone.EmailConsent, alone.EmailSuppression);
            Add(changes, evt, "sms", alone.SmsConsent, alone.SmsSuppression);
            foreach (var (group, state) in alone.EmailGroups)
            {
                changes.Add(new ConsentChange(evt.EventId, evt.Type, "email_group:" + group, state, null));
            }
        }

        return changes;
    }

    private static void Add(List<ConsentChange> changes, CanonicalEvent evt, string channel, ConsentState consent, SuppressionState suppression)
    {
        var said = consent.Status == Journeys.Contacts.ConsentStatus.Unknown ? null : consent;
        if (said is not null || suppression.Reason is not null)
        {
            changes.Add(new ConsentChange(evt.EventId, evt.Type, channel, said, suppression.Reason));
        }
    }
}

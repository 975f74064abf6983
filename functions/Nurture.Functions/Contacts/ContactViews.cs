using System.Text.Json;
using Nurture.Core.Profiles;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Contacts;

/// <summary>What the contact endpoints answer with.</summary>
internal static class ContactViews
{
    public static object TimelineItem(StoredEvent stored) => new
    {
        eventId = stored.Event.EventId,
        type = stored.Event.Type,
        source = stored.Event.Source.ToString(),
        occurredAt = stored.Event.OccurredAt,
        properties = stored.Event.Properties,
    };

    public static JsonElement Profile(ContactProfile profile) => JsonSerializer.SerializeToElement(profile, ProfileJson.Options);

    public static async Task<List<object>> TimelineAsync(EventStore events, string contactId, int? max, CancellationToken cancellationToken)
    {
        var items = new List<object>();
        await foreach (var stored in events.ReadTimelineAsync(contactId, max, cancellationToken).ConfigureAwait(false))
        {
            items.Add(TimelineItem(stored));
        }

        return items;
    }
}

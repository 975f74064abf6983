using Nurture.Storage.Repositories;

namespace Nurture.Functions.Contacts;

/// <summary>What the contact endpoints read to answer with.</summary>
internal static class ContactViews
{
    public static async Task<List<ContactTimelineItem>> TimelineAsync(EventStore events, string contactId, int? max, CancellationToken cancellationToken)
    {
        var items = new List<ContactTimelineItem>();
        await foreach (var stored in events.ReadTimelineAsync(contactId, max, cancellationToken).ConfigureAwait(false))
        {
            items.Add(ContactTimelineItem.From(stored));
        }

        return items;
    }
}

using Nurture.Core.Journeys.Contacts;
using Nurture.Functions.Contacts;
using Nurture.Functions.Ingestion;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>
/// The contact a start names: a contact id, an email address (has '@') or a phone number (starts with '+'), resolved
/// the way the contacts API resolves them (following merges); null when no stored contact matches.
/// </summary>
public sealed class JourneyContactFinder(ContactLookup lookup, IngestionStorage ingestion, IJourneyContactSource contacts)
{
    /// <summary>The contact's journey view, or null for nobody.</summary>
    public async Task<JourneyContact?> FindAsync(string idEmailOrPhone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(idEmailOrPhone);
        await ingestion.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var contactId = await lookup.FindAsync(idEmailOrPhone, cancellationToken).ConfigureAwait(false);
        return contactId is null ? null : (await contacts.GetAsync(contactId, cancellationToken).ConfigureAwait(false))?.Contact;
    }
}

using System.Security.Cryptography;
using System.Text;
using Nurture.Core.Events;
using Nurture.Core.Profiles;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// Identity resolution: which contact an event is about, by shop customer id, normalised email and E.164 phone.
/// A new identity gets a contact id derived from it (so two concurrent first events for the same person converge
/// on one contact); an event linking identities owned by two contacts merges them into the one seen first.
/// </summary>
public sealed class ContactResolver(IngestionStorage storage, ProfileOptions profileOptions)
{
    /// <summary>The contact the identity resolves to, merging contacts it links; null when the identity is empty.</summary>
    public async Task<string?> ResolveAsync(NormalizedIdentity identity, CancellationToken cancellationToken) =>
        (await ResolveContactAsync(identity, cancellationToken).ConfigureAwait(false))?.ContactId;

    /// <summary>
    /// As <see cref="ResolveAsync"/>, also saying what the contact's profile row is known to be: missing when the contact
    /// was created just now (no identity had an owner and this call claimed every one), or the row read while resolving.
    /// </summary>
    public async Task<ResolvedContact?> ResolveContactAsync(NormalizedIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.ContactId is { Length: > 0 } known)
        {
            return new ResolvedContact(await storage.Profiles.ResolveAsync(known, cancellationToken).ConfigureAwait(false), EntityGuess.None);
        }

        var keys = Keys(identity).ToList();
        if (keys.Count == 0)
        {
            return null;
        }

        // Look every identity up at once; resolve each distinct owner (it may have been merged away) once, keeping the
        // profile row that read returned so the update that follows need not read it again.
        var found = await Task.WhenAll(keys.Select(k => storage.Index.FindAsync(k.Kind, k.Value, cancellationToken))).ConfigureAwait(false);
        var resolved = new Dictionary<string, ProfileLookup>(StringComparer.Ordinal);
        foreach (var owner in found.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            resolved[owner] = await storage.Profiles.ResolveForUpdateAsync(owner, cancellationToken).ConfigureAwait(false);
        }

        var owners = found.OfType<string>().Select(o => resolved[o].ContactId).ToList();
        var contactId = owners.Count > 0 ? owners[0] : DeriveContactId(keys[0].Kind, keys[0].Value);

        // Claim the identities nobody owns yet; a concurrent first event may win a claim, which then joins the owners.
        var unclaimed = keys.Where((_, i) => found[i] is null).ToList();
        var claimed = await Task.WhenAll(unclaimed.Select(k => storage.Index.ClaimAsync(k.Kind, k.Value, contactId, cancellationToken))).ConfigureAwait(false);
        foreach (var owner in claimed.Where(o => o != contactId).Distinct(StringComparer.Ordinal))
        {
            owners.Add(await storage.Profiles.ResolveAsync(owner, cancellationToken).ConfigureAwait(false));
        }

        // Nobody owned any identity and every claim was ours: a new contact, with no profile yet.
        var profile = owners.Count == 0
            ? EntityGuess.Missing
            : resolved.Values.FirstOrDefault(r => r.ContactId == contactId && r.Profile.SkipsRead)?.Profile ?? EntityGuess.None;
        foreach (var other in owners.Distinct(StringComparer.Ordinal).Where(o => o != contactId).ToList())
        {
            contactId = await MergeAsync(contactId, other, cancellationToken).ConfigureAwait(false);

            // A merge rewrote the survivor's profile: nothing read before it still holds.
            profile = EntityGuess.None;
        }

        return new ResolvedContact(contactId, profile);
    }

    /// <summary>The contact the identity already belongs to, without claiming or creating anything; null when none.</summary>
    public async Task<string?> FindAsync(NormalizedIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (identity.ContactId is { Length: > 0 } known)
        {
            return await storage.Profiles.ResolveAsync(known, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (kind, value) in Keys(identity))
        {
            if (await storage.Index.FindAsync(kind, value, cancellationToken).ConfigureAwait(false) is { } owner)
            {
                return await storage.Profiles.ResolveAsync(owner, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    /// <summary>The contact an event that names no person belongs to, found through the order or cart it names; null when none is known.</summary>
    /// <param name="evt">The event.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ResolvedContact?> ResolveByReferenceAsync(CanonicalEvent evt, CancellationToken cancellationToken)
    {
        foreach (var reference in EventReferences.NamedBy(evt))
        {
            if (await storage.Index.FindAsync(IdentityKind.Reference, reference, cancellationToken).ConfigureAwait(false) is { } owner)
            {
                // The owner may have been merged into another contact since.
                return new ResolvedContact(await storage.Profiles.ResolveAsync(owner, cancellationToken).ConfigureAwait(false), EntityGuess.None);
            }
        }

        return null;
    }

    /// <summary>Records the order and cart an event names as the contact's, for later events that name only those.</summary>
    /// <param name="evt">The event.</param>
    /// <param name="contactId">Its contact.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task RememberReferencesAsync(CanonicalEvent evt, string contactId, CancellationToken cancellationToken) =>
        Task.WhenAll(EventReferences.LeftBy(evt).Select(reference => storage.Index.RememberAsync(IdentityKind.Reference, reference, contactId, cancellationToken)));

    /// <summary>The identities an identity holds, as index keys.</summary>
    public static IEnumerable<(IdentityKind Kind, string Value)> Keys(NormalizedIdentity identity)
    {
        if (identity.CustomerKey is { } customer)
        {
            yield return (IdentityKind.CustomerId, customer);
        }

        if (identity.Email is { } email)
        {
            yield return (IdentityKind.Email, email);
        }

        if (identity.Phone is { } phone)
        {
            yield return (IdentityKind.Phone, phone);
        }
    }

    /// <summary>A stable contact id for a first identity: no personal data in it.</summary>
    public static string DeriveContactId(IdentityKind kind, string value) =>
        "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + ":" + value)).AsSpan(0, 12));

    private async Task<string> MergeAsync(string a, string b, CancellationToken cancellationToken)
    {
        var first = await storage.Profiles.GetAsync(a, cancellationToken).ConfigureAwait(false) ?? ContactProfile.Create(a);
        var second = await storage.Profiles.GetAsync(b, cancellationToken).ConfigureAwait(false) ?? ContactProfile.Create(b);
        if (first.ContactId == second.ContactId)
        {
            return first.ContactId;
        }

        var survivor = IdentityMerge.ChooseSurvivor(first, second);
        var loser = ReferenceEquals(survivor, first) ? second : first;
        await storage.Profiles.UpdateAsync(survivor.ContactId, current => IdentityMerge.Merge(current, loser, profileOptions), cancellationToken).ConfigureAwait(false);
        foreach (var stored in await ReadTimelineAsync(loser.ContactId, cancellationToken).ConfigureAwait(false))
        {
            await storage.Events.AppendAsync(survivor.ContactId, stored.Event, cancellationToken).ConfigureAwait(false);
        }

        await storage.Profiles.MarkMergedAsync(loser.ContactId, survivor.ContactId, cancellationToken).ConfigureAwait(false);
        foreach (var (kind, value) in ProfileKeys(loser))
        {
            await storage.Index.ReassignAsync(kind, value, loser.ContactId, survivor.ContactId, cancellationToken).ConfigureAwait(false);
        }

        await storage.MetricFacts.MoveContactAsync(loser.ContactId, survivor.ContactId, cancellationToken).ConfigureAwait(false);
        await storage.Scores.MergeAsync(loser.ContactId, survivor.ContactId, cancellationToken).ConfigureAwait(false);

        // The day rows were re-filed under the survivor above (they are keyed by event id): only the timeline goes.
        await storage.Events.DeleteContactAsync(loser.ContactId, includeDays: false, cancellationToken).ConfigureAwait(false);
        return survivor.ContactId;
    }

    private async Task<List<StoredEvent>> ReadTimelineAsync(string contactId, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await foreach (var stored in storage.Events.ReadTimelineAsync(contactId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(stored);
        }

        return events;
    }

    /// <summary>Every identity a profile holds, as index keys.</summary>
    public static IEnumerable<(IdentityKind Kind, string Value)> ProfileKeys(ContactProfile profile) =>
        profile.CustomerIds.Select(c => (IdentityKind.CustomerId, c))
            .Concat(profile.Emails.Select(e => (IdentityKind.Email, e)))
            .Concat(profile.Phones.Select(p => (IdentityKind.Phone, p)));
}

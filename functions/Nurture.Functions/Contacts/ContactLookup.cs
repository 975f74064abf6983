using Microsoft.AspNetCore.Http;
using Nurture.Core.Events;
using Nurture.Core.Profiles;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.Contacts;

/// <summary>Finds the contact a privacy request names: by contact id, email (has '@') or phone (starts with '+').</summary>
public sealed class ContactLookup(ContactResolver resolver, ProfileOptions profileOptions)
{
    /// <summary>The contact id, or null when nobody matches.</summary>
    public Task<string?> FindAsync(string idEmailOrPhone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(idEmailOrPhone);
        var value = idEmailOrPhone.Trim();
        var identity = value.Contains('@', StringComparison.Ordinal)
            ? new ContactIdentity(Email: value)
            : value.StartsWith('+')
                ? new ContactIdentity(Phone: value)
                : new ContactIdentity(ContactId: value);
        var normalized = IdentityNormalizer.Normalize(EventSource.Nurture, identity, profileOptions.DefaultCallingCode);
        return normalized.IsEmpty ? Task.FromResult<string?>(null) : resolver.FindAsync(normalized, cancellationToken);
    }

    /// <summary>The profile <paramref name="idEmailOrPhone"/> (a route's <c>{id}</c>) names (after creating the tables if needed), or null.</summary>
    public async Task<ContactProfile?> FindProfileAsync(string idEmailOrPhone, IngestionStorage storage, CancellationToken cancellationToken)
    {
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var contactId = await FindAsync(idEmailOrPhone, cancellationToken).ConfigureAwait(false);
        return contactId is null ? null : await storage.Profiles.GetAsync(contactId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The 404 answer.</summary>
    public static IResult NotFound() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such contact.",
        detail: "No contact has that id, email or phone number.");
}

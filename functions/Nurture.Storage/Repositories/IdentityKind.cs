namespace Nurture.Storage.Repositories;

/// <summary>The kinds of identity that resolve to a contact. Stored by name: never rename, add.</summary>
public enum IdentityKind
{
    /// <summary>A shop platform's customer id, prefixed by the platform ("shopify:123").</summary>
    CustomerId,

    /// <summary>A normalised email address.</summary>
    Email,

    /// <summary>An E.164 phone number.</summary>
    Phone,

    /// <summary>
    /// Not an identity of the person but of something they did, prefixed by the platform ("shopify:order:123",
    /// "shopify:cart:abc"): finds the contact of a later event that names only that (a refund, a cart update).
    /// </summary>
    Reference,
}

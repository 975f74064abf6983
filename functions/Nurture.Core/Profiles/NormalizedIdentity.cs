namespace Nurture.Core.Profiles;

/// <summary>An event's identities after normalisation: what identity resolution looks contacts up by.</summary>
/// <param name="ContactId">Nurture's contact id, when the event carries it.</param>
/// <param name="CustomerKey">Platform-qualified shop customer id (<c>shopify:123</c>).</param>
/// <param name="Email">Lowercased, trimmed email.</param>
/// <param name="Phone">E.164 phone.</param>
public sealed record NormalizedIdentity(string? ContactId, string? CustomerKey, string? Email, string? Phone)
{
    /// <summary>True when nothing identifies a contact.</summary>
    public bool IsEmpty => ContactId is null && CustomerKey is null && Email is null && Phone is null;
}

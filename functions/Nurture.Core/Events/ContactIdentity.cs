namespace Nurture.Core.Events;

/// <summary>
/// What an event says about who it concerns. Any part may be missing; identity resolution links them to
/// one contact (by shop customer id, normalised email, E.164 phone).
/// </summary>
/// <param name="ContactId">Nurture's contact id, when the source already knows it.</param>
/// <param name="CustomerId">The shop platform's customer id.</param>
/// <param name="Email">Email address as given (normalised during resolution).</param>
/// <param name="Phone">Phone number as given (normalised to E.164 during resolution).</param>
public sealed record ContactIdentity(string? ContactId = null, string? CustomerId = null, string? Email = null, string? Phone = null)
{
    /// <summary>An identity with nothing known.</summary>
    public static ContactIdentity Unknown { get; } = new();

    /// <summary>True when no part is known.</summary>
    public bool IsEmpty => ContactId is null && CustomerId is null && Email is null && Phone is null;
}

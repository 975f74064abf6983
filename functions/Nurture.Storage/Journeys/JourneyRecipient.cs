using Nurture.Core.Journeys.Contacts;

namespace Nurture.Storage.Journeys;

/// <summary>A contact as the runner needs it: the decider's view plus the addresses and name a message is rendered with.</summary>
/// <param name="Contact">The decider's view (no addresses).</param>
/// <param name="Email">Email address, if known.</param>
/// <param name="Phone">E.164 phone number, if known.</param>
/// <param name="FirstName">First name for greetings, if known.</param>
public sealed record JourneyRecipient(JourneyContact Contact, string? Email = null, string? Phone = null, string? FirstName = null);

using Nurture.Core.Profiles;

namespace Nurture.Functions.Contacts;

/// <summary>Answer of <c>GET /api/contacts/{id}</c>: the profile and the most recent events.</summary>
/// <param name="ContactId">Nurture's id for the contact.</param>
/// <param name="Profile">The profile.</param>
/// <param name="Timeline">The most recent events, newest first.</param>
public sealed record ContactView(string ContactId, ContactProfile Profile, IReadOnlyList<ContactTimelineItem> Timeline);

using Nurture.Core.Profiles;

namespace Nurture.Functions.Contacts;

/// <summary>Answer of <c>PATCH /api/contacts/{id}</c>: the profile after the correction.</summary>
/// <param name="ContactId">Nurture's id for the contact.</param>
/// <param name="Profile">The updated profile.</param>
public sealed record ContactProfileView(string ContactId, ContactProfile Profile);

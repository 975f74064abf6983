using Nurture.Core.Profiles;

namespace Nurture.Functions.Contacts;

/// <summary>Answer of <c>GET /api/contacts/{id}/export</c>: everything held about the contact (data-subject access).</summary>
/// <param name="ContactId">Nurture's id for the contact.</param>
/// <param name="ExportedAt">When the export was made.</param>
/// <param name="Profile">The profile.</param>
/// <param name="Events">Every event of the contact's timeline.</param>
public sealed record ContactExport(string ContactId, DateTimeOffset ExportedAt, ContactProfile Profile, IReadOnlyList<ContactTimelineItem> Events);

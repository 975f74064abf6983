using Nurture.Storage.Repositories;

namespace Nurture.Functions.Ingestion;

/// <summary>The contact an event's identity resolved to.</summary>
/// <param name="ContactId">The contact (after following merges).</param>
/// <param name="Profile">
/// What its profile row is known to be, so the profile update can start without reading it: missing for a contact
/// created just now, the row as read while resolving, or nothing known. The update falls back to read-modify-write
/// when the guess was wrong.
/// </param>
public sealed record ResolvedContact(string ContactId, EntityGuess Profile);

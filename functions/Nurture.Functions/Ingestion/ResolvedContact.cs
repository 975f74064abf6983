namespace Nurture.Functions.Ingestion;

/// <summary>The contact an event's identity resolved to.</summary>
/// <param name="ContactId">The contact (after following merges).</param>
/// <param name="IsNew">
/// True when no identity had an owner and every claim was this call's: a hint that the profile does not exist yet,
/// used to insert it without reading first (the insert falls back to read-modify-write if it exists after all).
/// </param>
public sealed record ResolvedContact(string ContactId, bool IsNew);

namespace Nurture.Core.Profiles;

/// <summary>One tag on a contact.</summary>
/// <param name="Name">The tag, trimmed.</param>
/// <param name="Source">Manual, computed or synced from the shop.</param>
/// <param name="AddedAt">When it was first set (event time).</param>
public sealed record ProfileTag(string Name, TagSource Source, DateTimeOffset AddedAt);

using System.Text.Json;

namespace Nurture.Core.Journeys.Runtime.Commands;

/// <summary>Change the contact's tags and attributes (idempotent: set semantics).</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="AddTags">Tags to add.</param>
/// <param name="RemoveTags">Tags to remove.</param>
/// <param name="SetAttributes">Attributes to set.</param>
public sealed record UpdateProfile(
    string ContactId,
    IReadOnlyList<string> AddTags,
    IReadOnlyList<string> RemoveTags,
    IReadOnlyDictionary<string, JsonElement> SetAttributes) : JourneyCommand;

namespace Nurture.Functions.Contacts;

/// <summary>The body of <c>PATCH /api/contacts/{id}</c>.</summary>
/// <param name="Attributes">Attributes to set (null value removes).</param>
/// <param name="Tags">Manual tags to add and remove.</param>
public sealed record ContactPatch(Dictionary<string, string?>? Attributes, TagChanges? Tags);

/// <summary>Manual tag changes.</summary>
/// <param name="Add">Tags to add.</param>
/// <param name="Remove">Tags to remove.</param>
public sealed record TagChanges(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

namespace Nurture.Storage.Tables;

/// <summary>
/// One response of a query. A page may be empty and still have a continuation: keep reading until
/// <see cref="ContinuationToken"/> is null.
/// </summary>
public sealed record TablePage(IReadOnlyList<TableEntity> Entities, string? ContinuationToken);

namespace Nurture.Storage.Tables;

/// <summary>
/// A query continuation as one opaque string: the service's next partition key and next row key (which are
/// themselves opaque), joined by a space, which neither contains.
/// </summary>
internal static class ContinuationToken
{
    public static string Join(string nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextRowKey) ? nextPartitionKey : nextPartitionKey + " " + nextRowKey;

    public static (string NextPartitionKey, string? NextRowKey) Split(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using Nurture.Storage.Tables;

namespace Nurture.Storage.InMemory;

/// <summary>Queries: the service's page size (at most 1,000) and a scan limit per page that can yield empty pages.</summary>
public sealed partial class InMemoryTableClient
{
    /// <inheritdoc />
    public async IAsyncEnumerable<TablePage> QueryPagesAsync(TableQuery query, string? continuationToken = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is { } top)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(top, 1, nameof(query));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(top, 1000, nameof(query));
        }

        var filter = query.Filter is { } f ? ODataFilterEvaluator.Parse(f.Expression) : null;
        var pageSize = query.PageSize ?? 1000;
        var start = continuationToken is null ? ((string, string)?)null : Decode(continuationToken);
        do
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            var table = _service.Find(Name) ?? throw TableNotFound();
            var entities = new List<TableEntity>();
            (string, string)? next = null;
            lock (table.Gate)
            {
                var scanned = 0;
                foreach (var (key, stored) in table.Rows)
                {
                    if (start is { } s && Compare(key, s) < 0)
                    {
                        continue;
                    }

                    if (entities.Count == pageSize || scanned == _service.ScanLimitPerPage)
                    {
                        next = key;
                        break;
                    }

                    scanned++;
                    if (filter is null || filter.Matches(stored))
                    {
                        entities.Add(Project(stored, query.Select));
                    }
                }
            }

            start = next;
            yield return new TablePage(entities, next is { } n ? Encode(n) : null);
        }
        while (start is not null);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TableEntity> QueryAsync(TableQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryPagesAsync(query, null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }
        }
    }

    private static int Compare((string PartitionKey, string RowKey) a, (string PartitionKey, string RowKey) b)
    {
        var byPartition = string.CompareOrdinal(a.PartitionKey, b.PartitionKey);
        return byPartition != 0 ? byPartition : string.CompareOrdinal(a.RowKey, b.RowKey);
    }

    private static string Encode((string PartitionKey, string RowKey) key) =>
        ContinuationToken.Join(ToToken(key.PartitionKey), ToToken(key.RowKey));

    private static (string, string) Decode(string token)
    {
        var (partition, row) = ContinuationToken.Split(token);
        return (FromToken(partition), FromToken(row ?? "!"));
    }

    // Keys may hold spaces; tokens may not. "!" stands for the empty key.
    private static string ToToken(string key) => key.Length == 0 ? "!" : Convert.ToBase64String(Encoding.UTF8.GetBytes(key));

    private static string FromToken(string token) => token == "!" ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(token));
}

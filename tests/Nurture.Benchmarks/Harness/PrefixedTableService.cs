using System.Runtime.CompilerServices;
using Nurture.Storage.Tables;

namespace Nurture.Benchmarks.Harness;

/// <summary>Puts a prefix in front of every table name (a prefix of letters and digits keeps names valid).</summary>
internal sealed class PrefixedTableService(ITableService inner, string prefix) : ITableService
{
    public ITableClient GetTableClient(string tableName) => inner.GetTableClient(prefix + tableName);

    public async IAsyncEnumerable<string> ListTablesAsync(string? prefixFilter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in inner.ListTablesAsync(prefix + prefixFilter, cancellationToken).ConfigureAwait(false))
        {
            yield return name[prefix.Length..];
        }
    }
}

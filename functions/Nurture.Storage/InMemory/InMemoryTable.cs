using Nurture.Storage.Tables;

namespace Nurture.Storage.InMemory;

/// <summary>One table's rows, sorted by partition key then row key (ordinal), guarded by one lock.</summary>
internal sealed class InMemoryTable(string name)
{
    public string Name { get; } = name;

    public object Gate { get; } = new();

    public SortedDictionary<(string PartitionKey, string RowKey), TableEntity> Rows { get; } = new(KeyComparer.Instance);

    private sealed class KeyComparer : IComparer<(string PartitionKey, string RowKey)>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare((string PartitionKey, string RowKey) x, (string PartitionKey, string RowKey) y)
        {
            var byPartition = string.CompareOrdinal(x.PartitionKey, y.PartitionKey);
            return byPartition != 0 ? byPartition : string.CompareOrdinal(x.RowKey, y.RowKey);
        }
    }
}

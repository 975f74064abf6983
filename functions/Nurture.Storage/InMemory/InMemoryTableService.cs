using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Nurture.Storage.Tables;

namespace Nurture.Storage.InMemory;

/// <summary>
/// Table storage in memory with the service's semantics (ETags, 404/409/412 outcomes, atomic transactions,
/// paging that may return empty pages), for fast unit tests. The contract test suite keeps it honest.
/// </summary>
public sealed class InMemoryTableService : ITableService
{
    private readonly ConcurrentDictionary<string, InMemoryTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private long _lastTicks;

    /// <summary>Creates an empty account whose timestamps come from <paramref name="timeProvider"/>.</summary>
    public InMemoryTableService(TimeProvider? timeProvider = null) => TimeProvider = timeProvider ?? TimeProvider.System;

    internal TimeProvider TimeProvider { get; }

    /// <summary>Rows a query examines per page before it returns (possibly empty) with a continuation, like the service's scan limits.</summary>
    public int ScanLimitPerPage { get; init; } = 1000;

    /// <inheritdoc />
    public ITableClient GetTableClient(string tableName) => new InMemoryTableClient(this, tableName);

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListTablesAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var name in _tables.Keys.Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (prefix is null || name.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return name;
            }
        }
    }

    internal InMemoryTable? Find(string name) => _tables.GetValueOrDefault(name);

    internal bool Create(string name) => _tables.TryAdd(name, new InMemoryTable(name));

    internal bool Delete(string name) => _tables.TryRemove(name, out _);

    /// <summary>A strictly increasing write time, so every write gets a distinct ETag.</summary>
    internal DateTimeOffset NextWriteTime()
    {
        var now = TimeProvider.GetUtcNow().UtcTicks;
        while (true)
        {
            var last = Interlocked.Read(ref _lastTicks);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastTicks, next, last) == last)
            {
                return new DateTimeOffset(next, TimeSpan.Zero);
            }
        }
    }
}

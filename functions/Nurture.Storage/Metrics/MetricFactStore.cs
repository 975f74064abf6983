using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Nurture.Core.Metrics.Facts;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Metrics;

/// <summary>
/// The facts the reports are computed from: orders, refunds, cancellations and channel feedback, gathered from the day
/// partitions by the report timers so each run reads only the days since its watermark; sends, journey entries and
/// split assignments, written by the journeys as they happen (no event holds them). Partition = contact id, so erasing
/// a contact removes their facts with one partition and a merge moves them with one; row = kind + the fact's id, so a
/// fact written twice is stored once.
/// </summary>
public sealed partial class MetricFactStore
{
    /// <summary>The table.</summary>
    public const string DefaultTableName = "NurtureMetricFacts";

    private const string OrderKind = "order";
    private const string RefundKind = "refund";
    private const string CancellationKind = "cancel";
    private const string FeedbackFactKind = "feedback";
    private const string SendKind = "send";
    private const string EntryKind = "entry";
    private const string AssignmentKind = "split";

    // Gathered from the events, so a rebuild forgets and reads them again; the journey facts stay.
    private static readonly HashSet<string> EventKinds = new(StringComparer.Ordinal) { OrderKind, RefundKind, CancellationKind, FeedbackFactKind };

    private readonly TableClient _table;

    /// <summary>Creates the store over the account's Table service.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> when null.</param>
    public MetricFactStore(TableServiceClient tables, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(tableName ?? DefaultTableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Stores an order of the contact (idempotent).</summary>
    public Task AddAsync(string contactId, OrderFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var row = Row(contactId, OrderKind, fact.OrderId);
        row["OrderId"] = fact.OrderId;
        row["At"] = fact.PlacedAt;
        row["Amount"] = fact.Total.ToString(CultureInfo.InvariantCulture);
        row["Currency"] = fact.Currency;
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stores a refund of an order of the contact (idempotent).</summary>
    public Task AddAsync(string contactId, RefundFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var row = Row(contactId, RefundKind, fact.RefundId);
        row["RefundId"] = fact.RefundId;
        row["OrderId"] = fact.OrderId;
        row["At"] = fact.RefundedAt;
        row["Amount"] = fact.Amount.ToString(CultureInfo.InvariantCulture);
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Stores a cancellation of an order of the contact (idempotent).</summary>
    public Task AddAsync(string contactId, CancellationFact fact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        var row = Row(contactId, CancellationKind, fact.OrderId);
        row["OrderId"] = fact.OrderId;
        row["At"] = fact.CancelledAt;
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Adds every stored fact to <paramref name="facts"/>; returns how many rows were read.</summary>
    public async Task<int> ReadIntoAsync(ShopFacts facts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var read = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            read++;
            var at = row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue;
            var orderId = row.GetString("OrderId") ?? string.Empty;
            switch (row.GetString("Kind"))
            {
                case OrderKind:
                    facts.Add(new OrderFact(orderId, row.PartitionKey, at, Amount(row), row.GetString("Currency")));
                    break;
                case RefundKind:
                    facts.Add(new RefundFact(row.GetString("RefundId") ?? string.Empty, orderId, at, Amount(row)));
                    break;
                case CancellationKind:
                    facts.Add(new CancellationFact(orderId, at));
                    break;
                default:
                    AddJourneyOrFeedbackFact(facts, row, at);
                    break;
            }
        }

        return read;
    }

    /// <summary>Deletes every fact of the contact; returns how many.</summary>
    public async Task<int> DeleteContactAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var keys = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Partition(contactId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        var deleted = 0;
        foreach (var key in keys)
        {
            deleted += await _table.DeleteIfMatchAsync(contactId, key, cancellationToken: cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return deleted;
    }

    /// <summary>Moves every fact of <paramref name="from"/> to <paramref name="to"/> (a merge of two contacts).</summary>
    public async Task MoveContactAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        var rows = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Partition(from), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            var copy = new TableEntity(row) { PartitionKey = to, ETag = default };
            await _table.UpsertAsync(copy, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            await _table.DeleteIfMatchAsync(from, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes every fact gathered from the events (before a rebuild from raw events): orders, refunds, cancellations
    /// and feedback. Sends, entries and split assignments stay: the journeys wrote them and no event holds them.
    /// </summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        var keys = new List<(string Partition, string Row)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey", "Kind"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Kind") is { } kind && EventKinds.Contains(kind))
            {
                keys.Add((row.PartitionKey, row.RowKey));
            }
        }

        foreach (var (partition, rowKey) in keys)
        {
            await _table.DeleteIfMatchAsync(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static TableEntity Row(string contactId, string kind, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new TableEntity(contactId, kind + "_" + KeyOf(id)) { ["Kind"] = kind };
    }

    private static decimal Amount(TableEntity row) =>
        decimal.Parse(row.GetString("Amount") ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture);

    // Platform ids may hold characters a row key forbids (/ \ # ? and controls); hex of the UTF-8 keeps every id apart.
    private static string KeyOf(string id) => Convert.ToHexString(Encoding.UTF8.GetBytes(id));
}

using Azure.Data.Tables;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Metrics;

/// <summary>
/// The computed reports, one row per report kind, holding the report's JSON (aggregates only: no contact id, email
/// or phone), when it was computed and the day partitions read so far (the timer's watermark).
/// </summary>
public sealed class ReportStore
{
    /// <summary>The table.</summary>
    public const string DefaultTableName = "NurtureReports";

    /// <summary>The shop partition of a single-shop app.</summary>
    public const string DefaultShop = "shop";

    private readonly TableClient _table;

    /// <summary>Creates the store over the account's Table service.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> when null.</param>
    public ReportStore(TableServiceClient tables, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(tableName ?? DefaultTableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The stored report of that kind, or null before the first run.</summary>
    public async Task<StoredReport?> GetAsync(string kind, string shop = DefaultShop, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var row = await _table.FindAsync(shop, kind, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row?.GetSplitText("Json") is not { } json)
        {
            return null;
        }

        var readThrough = row.GetString("ReadThrough") is { } day ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        return new StoredReport(json, row.GetDateTimeOffset("ComputedAt") ?? DateTimeOffset.MinValue, readThrough);
    }

    /// <summary>Replaces the report of that kind.</summary>
    public Task SaveAsync(string kind, StoredReport report, string shop = DefaultShop, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(report);
        var entity = new TableEntity(shop, kind)
        {
            { "ComputedAt", report.ComputedAt },
            { "ReadThrough", report.ReadThrough?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        }.WithSplitText("Json", report.Json);
        return _table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}

using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.SendTime;

/// <summary>
/// The shop's send-time pattern (<see cref="ShopSendTimePattern"/>), one row, stored as JSON split over properties
/// (about 1,900 numbers). Written by the learning timer, read by every journey decision and send-time advice.
/// </summary>
/// <remarks>
/// The app serves one shop, so the row key is fixed; the partition names the shop so a multi-shop deployment can
/// keep one row per shop in the same table.
/// </remarks>
public sealed class ShopSendTimeStore
{
    /// <summary>The table.</summary>
    public const string DefaultTableName = "NurtureSendTimes";

    /// <summary>The shop partition of a single-shop app.</summary>
    public const string DefaultShop = "shop";

    private const string PatternRow = "pattern";

    private readonly TableClient _table;

    /// <summary>Creates the store over the account's Table service.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> when null.</param>
    public ShopSendTimeStore(TableServiceClient tables, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(tableName ?? DefaultTableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>The stored pattern of <paramref name="shop"/>, or null before one was built.</summary>
    public async Task<ShopSendTimePattern?> GetAsync(string shop = DefaultShop, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(shop);
        var row = await _table.FindAsync(shop, PatternRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row?.GetSplitText("Json") is { } json ? JsonSerializer.Deserialize<ShopSendTimePattern>(json, ProfileJson.Options) : null;
    }

    /// <summary>Replaces the pattern of <paramref name="shop"/>.</summary>
    public Task SaveAsync(ShopSendTimePattern pattern, string shop = DefaultShop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentException.ThrowIfNullOrEmpty(shop);
        var entity = new TableEntity(shop, PatternRow)
        {
            { "BuiltAt", pattern.BuiltAt },
            { "ContactCount", pattern.ContactCount },
        }.WithSplitText("Json", JsonSerializer.Serialize(pattern, ProfileJson.Options));
        return _table.UpsertAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }
}

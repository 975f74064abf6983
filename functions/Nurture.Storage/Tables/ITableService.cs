namespace Nurture.Storage.Tables;

/// <summary>A storage account's Table service.</summary>
public interface ITableService
{
    /// <summary>A client for one table (no request is made).</summary>
    ITableClient GetTableClient(string tableName);

    /// <summary>Names of every table in the account, optionally only those starting with a prefix.</summary>
    IAsyncEnumerable<string> ListTablesAsync(string? prefix = null, CancellationToken cancellationToken = default);
}

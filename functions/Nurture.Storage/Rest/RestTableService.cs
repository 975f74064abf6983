using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Core;
using Nurture.Storage.Connections;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>The Table service over its REST API, on Azure.Core's pipeline.</summary>
public sealed class RestTableService : ITableService
{
    private readonly StoragePipeline _pipeline;

    /// <summary>Creates the service client for the connection's Table endpoint.</summary>
    public RestTableService(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _pipeline = new StoragePipeline(connection, connection.TableEndpoint, SharedKeyPolicy.Flavor.TableLite, options ?? new StorageClientOptions());
    }

    /// <inheritdoc />
    public ITableClient GetTableClient(string tableName) => new RestTableClient(_pipeline, tableName);

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListTablesAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? next = null;
        do
        {
            var query = "/Tables";
            var separator = '?';
            if (!string.IsNullOrEmpty(prefix))
            {
                var filter = TableFilter.StartsWith("TableName", prefix).Expression;
                query += "?$filter=" + Uri.EscapeDataString(filter);
                separator = '&';
            }

            if (next is not null)
            {
                query += separator + "NextTableName=" + Uri.EscapeDataString(next);
            }

            using var message = _pipeline.CreateMessage(RequestMethod.Get, query);
            TableHeaders.AcceptJson(message.Request);
            var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StoragePipeline.CreateException(response, "list tables");
            }

            next = response.Headers.TryGetValue("x-ms-continuation-NextTableName", out var n) && n.Length > 0 ? n : null;
            using var doc = JsonDocument.Parse(response.Content.ToMemory());
            foreach (var table in doc.RootElement.GetProperty("value").EnumerateArray())
            {
                yield return table.GetProperty("TableName").GetString()!;
            }
        }
        while (next is not null);
    }
}

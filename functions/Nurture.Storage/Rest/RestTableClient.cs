using System.Text.Json;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>One table over the Table REST API. Entities and queries are in the partial files beside this one.</summary>
public sealed partial class RestTableClient : ITableClient
{
    private readonly StoragePipeline _pipeline;
    private readonly string _tablePath;

    internal RestTableClient(StoragePipeline pipeline, string tableName)
    {
        TableLimits.ValidateTableName(tableName);
        _pipeline = pipeline;
        Name = tableName;
        _tablePath = "/" + tableName;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Post, "/Tables");
        TableHeaders.AcceptJson(message.Request);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableHeaders.JsonBody(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 or 204 => true,

            // A create retried after a lost response answers 409 too: either way the table is there.
            409 => false,
            _ => throw StoragePipeline.CreateException(response, $"create table {Name}"),
        };
    }

    /// <inheritdoc />
    public async Task<bool> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, $"/Tables('{Name}')");
        TableHeaders.AcceptJson(message.Request);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StoragePipeline.CreateException(response, $"delete table {Name}"),
        };
    }
}

using System.Text.Json;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>Single-entity operations.</summary>
public sealed partial class RestTableClient
{
    private static readonly RequestMethod Merge = new("MERGE");
    private static readonly string[] KeyProperties = ["PartitionKey", "RowKey", "Timestamp"];

    /// <inheritdoc />
    public async Task<string> AddAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        using var message = _pipeline.CreateMessage(RequestMethod.Post, _tablePath);
        TableHeaders.AcceptJson(message.Request);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableHeaders.JsonBody(message.Request, TableJson.Serialize(entity));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is not (201 or 204))
        {
            throw StoragePipeline.CreateException(response, $"insert into {Name}");
        }

        return ReadETag(response);
    }

    /// <inheritdoc />
    public Task<string> UpsertAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default) =>
        WriteAsync(entity, ifMatch: null, mode, cancellationToken);

    /// <inheritdoc />
    public Task<string> UpdateAsync(TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        return WriteAsync(entity, ifMatch, mode, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, ODataKeys.EntityPath(Name, partitionKey, rowKey));
        TableHeaders.AcceptJson(message.Request);
        message.Request.Headers.SetValue("If-Match", ifMatch);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StoragePipeline.CreateException(response, $"delete from {Name}"),
        };
    }

    /// <inheritdoc />
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, IReadOnlyList<string>? select = null, CancellationToken cancellationToken = default)
    {
        var path = ODataKeys.EntityPath(Name, partitionKey, rowKey);
        if (select is { Count: > 0 })
        {
            path += "?$select=" + SelectList(select);
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, path);
        TableHeaders.AcceptJson(message.Request);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw StoragePipeline.CreateException(response, $"get from {Name}");
        }

        using var doc = JsonDocument.Parse(response.Content.ToMemory());
        response.Headers.TryGetValue("ETag", out var etag);
        return TableJson.ReadEntity(doc.RootElement, etag);
    }

    private async Task<string> WriteAsync(TableEntity entity, string? ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
    {
        TableLimits.ValidateEntity(entity);
        using var message = _pipeline.CreateMessage(mode == TableUpdateMode.Replace ? RequestMethod.Put : Merge, ODataKeys.EntityPath(Name, entity.PartitionKey, entity.RowKey));
        TableHeaders.AcceptJson(message.Request);
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        TableHeaders.JsonBody(message.Request, TableJson.Serialize(entity));
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 204)
        {
            throw StoragePipeline.CreateException(response, $"{(ifMatch is null ? "upsert" : "update")} in {Name}");
        }

        return ReadETag(response);
    }

    private static string ReadETag(Azure.Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) ? etag : throw new StorageRequestException(response.Status, null, null, "The service sent no ETag.");

    private static string SelectList(IReadOnlyList<string> select)
    {
        foreach (var name in select)
        {
            TableLimits.ValidateFilterProperty(name);
        }

        // The service returns only what is selected; the keys and timestamp always come back from Nurture's clients.
        return Uri.EscapeDataString(string.Join(',', KeyProperties.Concat(select).Distinct(StringComparer.Ordinal)));
    }
}

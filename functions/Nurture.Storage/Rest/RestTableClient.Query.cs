using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Nurture.Storage.Pipeline;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Rest;

/// <summary>Queries with continuation paging.</summary>
public sealed partial class RestTableClient
{
    /// <inheritdoc />
    public async IAsyncEnumerable<TablePage> QueryPagesAsync(TableQuery query, string? continuationToken = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var baseQuery = BuildQueryString(query);
        var token = continuationToken;
        do
        {
            var path = new StringBuilder(_tablePath).Append("()").Append(baseQuery);
            if (token is not null)
            {
                var (nextPartition, nextRow) = ContinuationToken.Split(token);
                path.Append(baseQuery.Length == 0 ? '?' : '&').Append("NextPartitionKey=").Append(Uri.EscapeDataString(nextPartition));
                if (nextRow is not null)
                {
                    path.Append("&NextRowKey=").Append(Uri.EscapeDataString(nextRow));
                }
            }

            using var message = _pipeline.CreateMessage(RequestMethod.Get, path.ToString());
            TableHeaders.AcceptJson(message.Request);
            var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StoragePipeline.CreateException(response, $"query {Name}");
            }

            response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var npk);
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nrk);
            token = string.IsNullOrEmpty(npk) ? null : ContinuationToken.Join(npk, nrk);
            using var doc = JsonDocument.Parse(response.Content.ToMemory());
            var values = doc.RootElement.GetProperty("value");
            var entities = new List<TableEntity>(values.GetArrayLength());
            foreach (var item in values.EnumerateArray())
            {
                entities.Add(TableJson.ReadEntity(item));
            }

            yield return new TablePage(entities, token);
        }
        while (token is not null);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TableEntity> QueryAsync(TableQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in QueryPagesAsync(query, null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entity in page.Entities)
            {
                yield return entity;
            }
        }
    }

    private static string BuildQueryString(TableQuery query)
    {
        var parts = new List<string>(3);
        if (query.Filter is { } filter)
        {
            parts.Add("$filter=" + Uri.EscapeDataString(filter.Expression));
        }

        if (query.Select is { Count: > 0 } select)
        {
            parts.Add("$select=" + SelectList(select));
        }

        if (query.PageSize is { } top)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(top, 1, nameof(query));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(top, 1000, nameof(query));
            parts.Add("$top=" + top.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }
}

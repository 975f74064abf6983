using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Nurture.Storage.Connections;

namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>
/// Storage of one test's own on a shared account: real SDK clients for the account whose every table and queue name
/// gets a prefix, so tests (and benchmark runs) never see each other's rows or messages.
/// </summary>
public static class PrefixedStorage
{
    /// <summary>
    /// Clients for <paramref name="connectionString"/> that prefix every name with <paramref name="prefix"/>;
    /// <paramref name="duplicateSends"/> delivers every queue message twice; <paramref name="configure"/> can add
    /// pipeline policies (request counting) to both clients' options.
    /// </summary>
    public static StorageAccount Create(string connectionString, string prefix, bool duplicateSends = false, Action<ClientOptions>? configure = null)
    {
        var tableOptions = StorageClientDefaults.TableOptions();
        var queueOptions = StorageClientDefaults.QueueOptions();
        configure?.Invoke(tableOptions);
        configure?.Invoke(queueOptions);
        return new StorageAccount(
            new PrefixedTableServiceClient(connectionString, prefix, tableOptions),
            new PrefixedQueueServiceClient(connectionString, prefix, queueOptions, duplicateSends));
    }

    /// <summary>A random prefix valid for table names (letters and digits) and queue names (lowercase).</summary>
    public static string NewPrefix() => "t" + Guid.NewGuid().ToString("N")[..10];
}

/// <summary>A Table service client whose tables carry a name prefix.</summary>
public sealed class PrefixedTableServiceClient(string connectionString, string prefix, TableClientOptions options)
    : TableServiceClient(connectionString, options)
{
    /// <inheritdoc />
    public override TableClient GetTableClient(string tableName) => base.GetTableClient(prefix + tableName);

    /// <summary>
    /// Without a filter, the prefixed tables under their unprefixed names (what erasure's sweep lists); a filter is
    /// passed through unchanged, naming real tables.
    /// </summary>
    public override AsyncPageable<TableItem> QueryAsync(string? filter = null, int? maxPerPage = null, CancellationToken cancellationToken = default)
    {
        if (filter is not null)
        {
            return base.QueryAsync(filter, maxPerPage, cancellationToken);
        }

        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        var own = base.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {upper}"), maxPerPage, cancellationToken);
        return new Unprefixed(own, prefix);
    }

    private sealed class Unprefixed(AsyncPageable<TableItem> inner, string prefix) : AsyncPageable<TableItem>
    {
        public override async IAsyncEnumerable<Page<TableItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            await foreach (var page in inner.AsPages(continuationToken, pageSizeHint).ConfigureAwait(false))
            {
                var items = page.Values.Select(t => TableModelFactory.TableItem(t.Name[prefix.Length..], null, null, null)).ToList();
                yield return Page<TableItem>.FromValues(items, page.ContinuationToken, page.GetRawResponse());
            }
        }
    }
}

/// <summary>A Queue service client whose queues carry a name prefix; optionally every message is sent twice.</summary>
public sealed class PrefixedQueueServiceClient : QueueServiceClient
{
    private readonly string _connectionString;
    private readonly string _prefix;
    private readonly QueueClientOptions _options;
    private readonly bool _duplicateSends;

    /// <summary>Clients for the account of <paramref name="connectionString"/>.</summary>
    public PrefixedQueueServiceClient(string connectionString, string prefix, QueueClientOptions options, bool duplicateSends)
        : base(connectionString, options)
    {
        _connectionString = connectionString;
        _prefix = prefix;
        _options = options;
        _duplicateSends = duplicateSends;
    }

    /// <inheritdoc />
    public override QueueClient GetQueueClient(string queueName) =>
        _duplicateSends ? new DuplicatingQueueClient(_connectionString, _prefix + queueName, _options) : base.GetQueueClient(_prefix + queueName);

    /// <summary>The prefixed queues (optionally only those whose unprefixed name starts with <paramref name="prefix"/>), under their unprefixed names.</summary>
    public override AsyncPageable<QueueItem> GetQueuesAsync(QueueTraits traits = QueueTraits.None, string? prefix = null, CancellationToken cancellationToken = default) =>
        new Unprefixed(base.GetQueuesAsync(traits, _prefix + prefix, cancellationToken), _prefix);

    private sealed class Unprefixed(AsyncPageable<QueueItem> inner, string prefix) : AsyncPageable<QueueItem>
    {
        public override async IAsyncEnumerable<Page<QueueItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            await foreach (var page in inner.AsPages(continuationToken, pageSizeHint).ConfigureAwait(false))
            {
                var items = page.Values.Select(q => QueuesModelFactory.QueueItem(q.Name[prefix.Length..], q.Metadata)).ToList();
                yield return Page<QueueItem>.FromValues(items, page.ContinuationToken, page.GetRawResponse());
            }
        }
    }
}

/// <summary>A real queue client that delivers every message twice: at-least-once delivery at its worst.</summary>
public sealed class DuplicatingQueueClient(string connectionString, string queueName, QueueClientOptions options)
    : QueueClient(connectionString, queueName, options)
{
    /// <inheritdoc />
    public override async Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        await base.SendMessageAsync(messageText, visibilityTimeout, timeToLive, cancellationToken).ConfigureAwait(false);
        return await base.SendMessageAsync(messageText, visibilityTimeout, timeToLive, cancellationToken).ConfigureAwait(false);
    }
}

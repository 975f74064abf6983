using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Nurture.Core.Events;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Canonical events in two access paths: each contact's timeline (newest first) and each day's events,
/// spread over a few partitions so a busy day stays below the per-partition throughput target. Writes are
/// keyed by the event id, so storing a redelivered event again changes nothing.
/// </summary>
public sealed class EventStore
{
    /// <summary>The timeline table: partition = contact id, row = inverted ticks + event id.</summary>
    public const string TimelineTableName = "NurtureTimeline";

    /// <summary>The per-day table: partition = day + shard, row = event id.</summary>
    public const string DailyTableName = "NurtureEventsByDay";

    /// <summary>Partitions per day; timers read them all.</summary>
    public const int DailyShards = 8;

    private readonly TableClient _timeline;
    private readonly TableClient _daily;

    /// <summary>Creates the store over the account's Table service.</summary>
    public EventStore(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _timeline = tables.GetTableClient(TimelineTableName);
        _daily = tables.GetTableClient(DailyTableName);
    }

    /// <summary>Creates the tables if needed.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _timeline.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _daily.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends the event to the contact's timeline and to its day (both idempotent upserts).</summary>
    public async Task AppendAsync(string contactId, CanonicalEvent evt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentNullException.ThrowIfNull(evt);
        var timelineRow = ToEntity(contactId, TimelineRowKey(evt), contactId, evt);
        var dailyRow = ToEntity(DayPartition(evt), evt.EventId, contactId, evt);
        await Task.WhenAll(
            _timeline.UpsertAsync(timelineRow, TableUpdateMode.Replace, cancellationToken),
            _daily.UpsertAsync(dailyRow, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The contact's events, newest first.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadTimelineAsync(string contactId, int? max = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = 0;
        var pageSize = max is { } m ? Math.Clamp(m, 1, 1000) : (int?)null;
        await foreach (var row in _timeline.QueryAsync<TableEntity>(TableFilters.Partition(contactId), pageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (max is { } limit && count++ >= limit)
            {
                yield break;
            }

            yield return FromEntity(row);
        }
    }

    /// <summary>One event of the contact's timeline, or null when it is not there (never stored, or erased).</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="eventId">The event's id.</param>
    /// <param name="occurredAt">When it occurred (part of the timeline's row key).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<StoredEvent?> GetAsync(string contactId, string eventId, DateTimeOffset occurredAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var rowKey = TimelineRowKey(occurredAt, eventId);
        var row = await _timeline.FindAsync(contactId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    /// <summary>Every event that occurred on the given UTC day, across the day's shards.</summary>
    public async IAsyncEnumerable<StoredEvent> ReadDayAsync(DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var shard = 0; shard < DailyShards; shard++)
        {
            await foreach (var row in _daily.QueryAsync<TableEntity>(TableFilters.Partition(DayPartition(day, shard)), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                yield return FromEntity(row);
            }
        }
    }

    /// <summary>The earliest UTC day that has a partition, or null when no event is stored (the first report run reads from it).</summary>
    public async Task<DateOnly?> FirstDayAsync(CancellationToken cancellationToken = default)
    {
        // Rows come in partition key order, and day partitions sort by day.
        await foreach (var row in _daily.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return DateOnly.ParseExact(row.PartitionKey[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
        }

        return null;
    }

    /// <summary>Deletes every timeline row of the contact and the matching per-day rows (erasure); returns how many events.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="includeDays">
    /// False when the events were filed under another contact first (a merge): their day rows, keyed by event id,
    /// now belong to that contact and must stay for the timers.
    /// </param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<int> DeleteContactAsync(string contactId, bool includeDays = true, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        var rows = new List<TableEntity>();
        await foreach (var row in _timeline.QueryAsync<TableEntity>(TableFilters.Partition(contactId), select: ["PartitionKey", "RowKey", "EventId", "OccurredAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            if (includeDays && row.GetString("EventId") is { } eventId && row.GetDateTimeOffset("OccurredAt") is { } occurredAt)
            {
                await _daily.DeleteIfMatchAsync(DayPartition(DateOnly.FromDateTime(occurredAt.UtcDateTime), Shard(eventId)), eventId, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (await _timeline.DeleteIfMatchAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                deleted++;
            }
        }

        return deleted;
    }

    /// <summary>Row key ordering newest first; the event id keeps same-tick events apart.</summary>
    internal static string TimelineRowKey(CanonicalEvent evt) => TimelineRowKey(evt.OccurredAt, evt.EventId);

    private static string TimelineRowKey(DateTimeOffset occurredAt, string eventId) =>
        (DateTimeOffset.MaxValue.UtcTicks - occurredAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "_" + eventId;

    private static string DayPartition(CanonicalEvent evt) => DayPartition(DateOnly.FromDateTime(evt.OccurredAt.UtcDateTime), Shard(evt.EventId));

    private static string DayPartition(DateOnly day, int shard) =>
        day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + shard.ToString(CultureInfo.InvariantCulture);

    private static int Shard(string eventId)
    {
        // Stable across processes (string.GetHashCode is randomised per process).
        uint hash = 2166136261;
        foreach (var c in eventId)
        {
            hash = (hash ^ c) * 16777619;
        }

        return (int)(hash % DailyShards);
    }

    private static TableEntity ToEntity(string partitionKey, string rowKey, string contactId, CanonicalEvent evt) => new TableEntity(partitionKey, rowKey)
    {
        { "EventId", evt.EventId },
        { "ContactId", contactId },
        { "Type", evt.Type },
        { "Source", evt.Source.ToString() },
        { "IdempotencyKey", evt.IdempotencyKey },
        { "OccurredAt", evt.OccurredAt },
    }.WithSplitText("Properties", evt.Properties.ValueKind == JsonValueKind.Undefined ? "{}" : evt.Properties.GetRawText());

    private static StoredEvent FromEntity(TableEntity row)
    {
        using var properties = JsonDocument.Parse(row.GetSplitText("Properties") ?? "{}");
        var evt = new CanonicalEvent(
            row.GetString("EventId") ?? row.RowKey,
            row.GetString("Type") ?? string.Empty,
            Enum.TryParse<EventSource>(row.GetString("Source"), out var source) ? source : EventSource.Nurture,
            row.GetString("IdempotencyKey") ?? string.Empty,
            row.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.MinValue,
            new ContactIdentity(ContactId: row.GetString("ContactId")),
            properties.RootElement.Clone());
        return new StoredEvent(row.GetString("ContactId") ?? string.Empty, evt, row.Timestamp);
    }
}

using Azure.Data.Tables;
using Nurture.Core.Events;
using Nurture.Core.Ingestion;
using Nurture.Core.Profiles;
using Nurture.Functions.Ingestion;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Functions.Contacts;

/// <summary>
/// The right to erasure: ends the contact's running journeys and deletes their instances and sends (through the
/// journey sink), removes the contact from every table ingestion writes (profile, identity index, timeline, day
/// partitions, processed markers, merge redirects, privacy requests) and keeps only salted hashes of its addresses in
/// the suppression list, so the address is never messaged again.
/// </summary>
public sealed class ContactEraser(IngestionStorage storage, TimeProvider time)
{
    /// <summary>The table recording privacy requests (ids and times only).</summary>
    public const string PrivacyRequestsTable = "NurturePrivacyRequests";

    /// <summary>Erases the contact; false when nothing was held about it.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="reason">The erasure's source (<c>api:erasure</c>, <c>shopify:customers/redact</c>; no personal data).</param>
    /// <param name="journeys">The journeys, bound to the invocation's Durable client: their instances and sends go first.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> EraseAsync(string contactId, string reason, IJourneyEventSink journeys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        ArgumentNullException.ThrowIfNull(journeys);
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);

        // Journeys first: a running instance must not send while (or after) the rest goes.
        await journeys.EraseContactAsync(contactId, reason, cancellationToken).ConfigureAwait(false);
        var profile = await storage.Profiles.GetAsync(contactId, cancellationToken).ConfigureAwait(false);
        var eventIds = new List<string>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var stored in storage.Events.ReadTimelineAsync(contactId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            eventIds.Add(stored.Event.EventId);
            references.UnionWith(EventReferences.LeftBy(stored.Event));
        }

        if (profile is null && eventIds.Count == 0)
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (profile is not null)
        {
            foreach (var email in profile.Emails)
            {
                await storage.Suppression.AddAsync(IdentityKind.Email, email, reason, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var phone in profile.Phones)
            {
                await storage.Suppression.AddAsync(IdentityKind.Phone, phone, reason, now, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (kind, value) in ContactResolver.ProfileKeys(profile))
            {
                await storage.Index.ReleaseAsync(kind, value, contactId, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var reference in references)
        {
            await storage.Index.ReleaseAsync(IdentityKind.Reference, reference, contactId, cancellationToken).ConfigureAwait(false);
        }

        await storage.Events.DeleteContactAsync(contactId, cancellationToken: cancellationToken).ConfigureAwait(false);
        await storage.MetricFacts.DeleteContactAsync(contactId, cancellationToken).ConfigureAwait(false);
        await storage.Scores.DeleteContactAsync(contactId, cancellationToken).ConfigureAwait(false);
        await storage.Processed.DeleteAsync(eventIds, cancellationToken).ConfigureAwait(false);
        await storage.Profiles.DeleteRedirectsToAsync(contactId, cancellationToken).ConfigureAwait(false);
        await DeletePrivacyRequestsAsync(contactId, cancellationToken).ConfigureAwait(false);
        await storage.Profiles.DeleteAsync(contactId, cancellationToken).ConfigureAwait(false);
        await SweepAsync(Needles(contactId, profile), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The last step of an erasure: every row of every other table (journey instances and history, send ledger,
    /// outbox, whatever a later feature adds) that still names the contact id or one of its addresses is deleted.
    /// </summary>
    /// <remarks>
    /// A full scan costs time on a big account, but it is what guarantees "nothing left behind" for stores that
    /// do not yet erase by key; the suppression table only holds salted hashes and is skipped.
    /// </remarks>
    private async Task SweepAsync(IReadOnlyList<string> needles, CancellationToken cancellationToken)
    {
        await foreach (var item in storage.Tables.QueryAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var tableName = item.Name;
            if (tableName.Equals(SuppressionList.TableName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var table = storage.Tables.GetTableClient(tableName);
            var doomed = new List<(string PartitionKey, string RowKey)>();
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (Mentions(row, needles))
                {
                    doomed.Add((row.PartitionKey, row.RowKey));
                }
            }

            foreach (var (partitionKey, rowKey) in doomed)
            {
                await table.DeleteIfMatchAsync(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool Mentions(TableEntity row, IReadOnlyList<string> needles)
    {
        foreach (var needle in needles)
        {
            if (row.PartitionKey.Contains(needle, StringComparison.OrdinalIgnoreCase) || row.RowKey.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var (_, value) in row)
            {
                if (value is string text && text.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IReadOnlyList<string> Needles(string contactId, ContactProfile? profile)
    {
        var needles = new List<string> { contactId };
        if (profile is not null)
        {
            needles.AddRange(profile.Emails);
            needles.AddRange(profile.Phones);

            // Customer keys are "platform:id"; payloads hold the bare id, which is only safe to match when long.
            needles.AddRange(profile.CustomerIds);
            needles.AddRange(profile.CustomerIds.Select(c => c[(c.IndexOf(':', StringComparison.Ordinal) + 1)..]).Where(id => id.Length >= 8));
        }

        return needles;
    }

    /// <summary>Erases every contact known by a customer id of the given platform (Shopify's <c>shop/redact</c>).</summary>
    public async Task<int> EraseSourceAsync(EventSource source, IJourneyEventSink journeys, CancellationToken cancellationToken)
    {
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var prefix = IdentityNormalizer.CustomerKey(source, "x")![..^1];
        var contacts = new List<string>();
        await foreach (var profile in storage.Profiles.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (profile.CustomerIds.Any(c => c.StartsWith(prefix, StringComparison.Ordinal)))
            {
                contacts.Add(profile.ContactId);
            }
        }

        foreach (var contactId in contacts)
        {
            await EraseAsync(contactId, source.ToString().ToLowerInvariant() + ":shop/redact", journeys, cancellationToken).ConfigureAwait(false);
        }

        return contacts.Count;
    }

    /// <summary>Records a data request (ids and time only; the export itself is served on request).</summary>
    public async Task RecordDataRequestAsync(string? contactId, CanonicalEvent request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = storage.Tables.GetTableClient(PrivacyRequestsTable);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(
            new TableEntity(contactId ?? "unknown", request.EventId)
            {
                { "Type", request.Type },
                { "Source", request.Source.ToString() },
                { "RequestedAt", request.OccurredAt },
                { "Found", contactId is not null },
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task DeletePrivacyRequestsAsync(string contactId, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(PrivacyRequestsTable);
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableFilters.Partition(contactId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row.RowKey);
        }

        foreach (var rowKey in rows)
        {
            await table.DeleteIfMatchAsync(contactId, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Serialization;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

/// <summary>A minimal contact table for journeys (partition = contact id): the recipient as JSON, updated with If-Match.</summary>
public sealed class JourneyContactStore : IJourneyContactSource
{
    private const string Row = "";

    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="names">Table names; <see cref="JourneyStorageNames.Default"/> when null.</param>
    public JourneyContactStore(TableServiceClient tables, JourneyStorageNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient((names ?? JourneyStorageNames.Default).Contacts);
    }

    /// <summary>Creates the table if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Creates or replaces a contact.</summary>
    /// <param name="recipient">The contact.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task SaveAsync(JourneyRecipient recipient, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return _table.UpsertAsync(ToEntity(recipient), TableUpdateMode.Replace, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<JourneyRecipient?> GetAsync(string contactId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var row = await _table.FindAsync(contactId, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    /// <inheritdoc />
    public async Task ApplyAsync(UpdateProfile update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await OptimisticUpdate.UpdateAsync(_table, update.ContactId, Row, current =>
        {
            var recipient = current is null ? new JourneyRecipient(new JourneyContact(update.ContactId)) : FromEntity(current);
            var tags = new HashSet<string>(recipient.Contact.TagsOrEmpty, StringComparer.Ordinal);
            tags.UnionWith(update.AddTags);
            tags.ExceptWith(update.RemoveTags);
            var attributes = new Dictionary<string, JsonElement>(recipient.Contact.AttributesOrEmpty, StringComparer.Ordinal);
            foreach (var (name, value) in update.SetAttributes)
            {
                attributes[name] = value.Clone();
            }

            var next = recipient with { Contact = recipient.Contact with { Tags = tags, Attributes = attributes } };
            var row = ToEntity(next);
            row.ETag = current?.ETag ?? default;
            return row;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static TableEntity ToEntity(JourneyRecipient recipient) =>
        new TableEntity(recipient.Contact.ContactId, Row).WithSplitText("Recipient", JsonSerializer.Serialize(StoredRecipient.From(recipient), JourneyJson.Options));

    private static JourneyRecipient FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<StoredRecipient>(row.GetSplitText("Recipient")!, JourneyJson.Options)!.ToRecipient();
}

using Azure.Data.Tables;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Channels.Templates;

/// <summary>Message templates in a table (partition = template id).</summary>
public sealed class TemplateStore
{
    /// <summary>The templates table.</summary>
    public const string DefaultTableName = "NurtureTemplates";

    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="tableName">The table; <see cref="DefaultTableName"/> when null.</param>
    public TemplateStore(TableServiceClient tables, string? tableName = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(tableName ?? DefaultTableName);
    }

    /// <summary>Creates the table if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Creates or replaces a template.</summary>
    /// <param name="template">The template.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task SaveAsync(MessageTemplate template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var row = new TableEntity(template.Id, string.Empty).WithSplitText("Body", template.Body);
        row["Subject"] = template.Subject;
        return _table.UpsertAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>A template, or null when there is none with that id.</summary>
    /// <param name="templateId">The template id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<MessageTemplate?> GetAsync(string templateId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        var row = await _table.FindAsync(templateId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    /// <summary>Every template, ordered by id.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<IReadOnlyList<MessageTemplate>> ListAsync(CancellationToken cancellationToken = default)
    {
        var templates = new List<MessageTemplate>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            templates.Add(FromEntity(row));
        }

        return templates;
    }

    private static MessageTemplate FromEntity(TableEntity row) =>
        new(row.PartitionKey, row.GetSplitText("Body") ?? string.Empty, row.GetString("Subject"));
}

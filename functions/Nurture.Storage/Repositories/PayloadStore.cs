using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Claim check for payloads larger than a queue message: the bytes go to a table in chunks (one partition
/// per payload) and the queue carries only the id. There is no Blob client in Nurture, and tables keep every
/// piece of personal data in the one kind of store that erasure scans.
/// </summary>
/// <remarks>
/// A payload is readable only once its manifest row exists, and the manifest is written after every chunk,
/// so a reader never sees half a payload. Saving the same id twice writes the same rows (idempotent).
/// </remarks>
public sealed class PayloadStore
{
    /// <summary>The table holding the chunks.</summary>
    public const string TableName = "NurturePayloads";

    private const int ChunkBytes = 60 * 1024;
    private const int ChunksPerTransaction = 40;
    private const string ManifestRow = "manifest";

    private readonly TableClient _table;

    /// <summary>Creates the store over the account's Table service.</summary>
    public PayloadStore(TableServiceClient tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.GetTableClient(TableName);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Stores the payload under <paramref name="id"/> (letters, digits, '-' and '_').</summary>
    public async Task SaveAsync(string id, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(id, nameof(id));
        var chunkCount = (payload.Length + ChunkBytes - 1) / ChunkBytes;
        var actions = new List<TableTransactionAction>(ChunksPerTransaction);
        for (var i = 0; i < chunkCount; i++)
        {
            var chunk = payload.Slice(i * ChunkBytes, Math.Min(ChunkBytes, payload.Length - (i * ChunkBytes)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(id, ChunkRow(i)) { { "Data", chunk.ToArray() } }));
            if (actions.Count == ChunksPerTransaction)
            {
                await _table.SubmitCheckedAsync(actions, cancellationToken).ConfigureAwait(false);
                actions.Clear();
            }
        }

        if (actions.Count > 0)
        {
            await _table.SubmitCheckedAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        await _table.UpsertAsync(
            new TableEntity(id, ManifestRow)
            {
                { "Length", payload.Length },
                { "Chunks", chunkCount },
                { "Sha256", Convert.ToHexStringLower(SHA256.HashData(payload.Span)) },
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The payload, or null when no complete payload has that id.</summary>
    public async Task<byte[]?> LoadAsync(string id, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(id, nameof(id));
        var manifest = await _table.FindAsync(id, ManifestRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            return null;
        }

        var length = manifest.GetInt32("Length") ?? 0;
        var chunks = manifest.GetInt32("Chunks") ?? 0;
        var payload = new byte[length];
        var seen = 0;
        var filter = TableFilters.And(TableFilters.Partition(id), TableFilters.StartsWith("RowKey", "c"));
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Data"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var index = int.Parse(row.RowKey.AsSpan(1), CultureInfo.InvariantCulture);
            row.GetBinary("Data")!.CopyTo(payload, index * ChunkBytes);
            seen++;
        }

        if (seen != chunks || Convert.ToHexStringLower(SHA256.HashData(payload)) != manifest.GetString("Sha256"))
        {
            throw new InvalidDataException($"Stored payload '{id}' is damaged: {seen} of {chunks} chunks, or its checksum differs.");
        }

        return payload;
    }

    /// <summary>Deletes the payload; deleting one that is gone does nothing.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(id, nameof(id));

        // Manifest first, so a half-deleted payload is never readable.
        await _table.DeleteIfMatchAsync(id, ManifestRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Partition(id), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row.RowKey);
        }

        foreach (var batch in rows.Chunk(100))
        {
            await _table.SubmitCheckedAsync(batch.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, rk))).ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string ChunkRow(int index) => "c" + index.ToString("D5", CultureInfo.InvariantCulture);
}

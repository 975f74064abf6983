using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Nurture.Functions.Hosting;
using Nurture.Storage;
using Nurture.Storage.Connections;
using Nurture.Storage.Metrics;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// The stores ingestion writes to, on the <c>AzureWebJobsStorage</c> account, with their tables and queue created
/// once per process on first use (a failed attempt is retried by the next caller).
/// </summary>
public sealed class IngestionStorage
{
    private readonly InitializeOnce _initialization = new();

    /// <summary>Creates the stores.</summary>
    public IngestionStorage(IStorageAccounts accounts, IOptions<IngestionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        var tables = accounts.GetTableService(StorageConnectionSettings.DefaultConnectionName);
        var queues = accounts.GetQueueService(StorageConnectionSettings.DefaultConnectionName);
        Tables = tables;
        Payloads = new PayloadStore(tables);
        Inbound = new InboundQueue(queues, Payloads);
        Events = new EventStore(tables);
        Index = new ContactIndex(tables);
        Profiles = new ProfileStore(tables);
        Processed = new ProcessedEvents(tables);
        MetricFacts = new MetricFactStore(tables);
        Scores = new ContactScoreStore(tables);
        Suppression = new SuppressionList(tables, options.Value.SuppressionSalt);
        IgnoredDeliveries = tables.GetTableClient(IgnoredDeliveriesTable);
    }

    /// <summary>The table recording deliveries accepted but ignored (unknown topics), without their bodies.</summary>
    public const string IgnoredDeliveriesTable = "NurtureIgnoredDeliveries";

    /// <summary>The account's Table service (erasure scans every table).</summary>
    public TableServiceClient Tables { get; }

    /// <summary>Claim-check bodies.</summary>
    public PayloadStore Payloads { get; }

    /// <summary>The events-inbound queue.</summary>
    public InboundQueue Inbound { get; }

    /// <summary>Timelines and per-day events.</summary>
    public EventStore Events { get; }

    /// <summary>Identity to contact.</summary>
    public ContactIndex Index { get; }

    /// <summary>Profiles.</summary>
    public ProfileStore Profiles { get; }

    /// <summary>Processed-event markers.</summary>
    public ProcessedEvents Processed { get; }

    /// <summary>The order facts the reports read (kept with the events so erasure and merges reach them).</summary>
    public MetricFactStore MetricFacts { get; }

    /// <summary>Each contact's latest score (<c>ScoreContacts</c>; kept here so erasure and merges reach it).</summary>
    public ContactScoreStore Scores { get; }

    /// <summary>Suppressed addresses (hashed).</summary>
    public SuppressionList Suppression { get; }

    /// <summary>Ignored deliveries.</summary>
    public TableClient IgnoredDeliveries { get; }

    /// <summary>Creates every table and the queue, once.</summary>
    public async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        await _initialization.RunAsync(
            async ct =>
            {
                await Task.WhenAll(
                Inbound.InitializeAsync(ct),
                Events.InitializeAsync(ct),
                Index.InitializeAsync(ct),
                Profiles.InitializeAsync(ct),
                Processed.InitializeAsync(ct),
                MetricFacts.InitializeAsync(ct),
                Scores.InitializeAsync(ct),
                Suppression.InitializeAsync(ct),
                IgnoredDeliveries.CreateIfNotExistsAsync(ct)).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}

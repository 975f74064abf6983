using Nurture.Functions.Hosting;
using Nurture.Storage;
using Nurture.Storage.Connections;
using Nurture.Storage.Journeys;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>What batch starts store and scan, on the app's storage account, and their one-time creation.</summary>
public sealed class JourneyBatchStorage
{
    private readonly InitializeOnce _initialization = new();

    /// <summary>Creates the stores (no request is made).</summary>
    /// <param name="accounts">The storage accounts.</param>
    public JourneyBatchStorage(IStorageAccounts accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var tables = accounts.GetTableService(StorageConnectionSettings.DefaultConnectionName);
        Batches = new JourneyBatchStore(tables);
        Profiles = new ProfileStore(tables);
        Queue = new BatchPageQueue(accounts.GetQueueService(StorageConnectionSettings.DefaultConnectionName).GetQueueClient(BatchPageQueue.QueueName));
    }

    /// <summary>Batch progress and stored lists.</summary>
    public JourneyBatchStore Batches { get; }

    /// <summary>The stored profiles segments are scanned from.</summary>
    public ProfileStore Profiles { get; }

    /// <summary>The <c>journey-batches</c> queue.</summary>
    public BatchPageQueue Queue { get; }

    /// <summary>Creates the tables and the queue once per process (again after a failed attempt).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await _initialization.RunAsync(
            async ct =>
            {
                await Batches.InitializeAsync(ct).ConfigureAwait(false);
                await Profiles.InitializeAsync(ct).ConfigureAwait(false);
                await Queue.InitializeAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}

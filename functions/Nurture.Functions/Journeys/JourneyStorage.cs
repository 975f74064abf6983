using Nurture.Channels.Outbox;
using Nurture.Channels.Templates;
using Nurture.Functions.Hosting;
using Nurture.Storage;
using Nurture.Storage.Connections;
using Nurture.Storage.Journeys;
using Nurture.Storage.Metrics;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Journeys;

/// <summary>The stores journeys use, on the app's storage account, and their one-time table creation.</summary>
public sealed class JourneyStorage
{
    private readonly InitializeOnce _initialization = new();

    /// <summary>Creates the stores (no request is made).</summary>
    /// <param name="accounts">The storage accounts.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">Journey settings (send attempt lease, outbox attempt log); the defaults when null.</param>
    public JourneyStorage(IStorageAccounts accounts, TimeProvider clock, JourneyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        options ??= new JourneyOptions();
        var tables = accounts.GetTableService(StorageConnectionSettings.DefaultConnectionName);
        Definitions = new JourneyDefinitionStore(tables);
        Instances = new JourneyInstanceStore(tables);
        Ledger = new SendLedger(tables, attemptLease: options.SendAttemptLease);
        Contacts = new JourneyContactStore(tables);
        Events = new EventStore(tables);
        Templates = new TemplateStore(tables);
        Outbox = new OutboxChannel(tables, clock, recordAttempts: options.RecordOutboxAttempts);
        Facts = new MetricFactStore(tables);
    }

    /// <summary>Journey drafts and versions.</summary>
    public JourneyDefinitionStore Definitions { get; }

    /// <summary>Instances, history and the per-contact index.</summary>
    public JourneyInstanceStore Instances { get; }

    /// <summary>The send ledger.</summary>
    public SendLedger Ledger { get; }

    /// <summary>The minimal contact table.</summary>
    public JourneyContactStore Contacts { get; }

    /// <summary>Contact timelines (written by ingestion), for goal re-checks before sends.</summary>
    public EventStore Events { get; }

    /// <summary>Message templates.</summary>
    public TemplateStore Templates { get; }

    /// <summary>The outbox channel.</summary>
    public OutboxChannel Outbox { get; }

    /// <summary>The campaign report's facts the journeys write: sends, entries, split assignments.</summary>
    public MetricFactStore Facts { get; }

    /// <summary>Creates every table once per process (again after a failed attempt).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await _initialization.RunAsync(
            async ct =>
            {
                await Definitions.InitializeAsync(ct).ConfigureAwait(false);
                await Instances.InitializeAsync(ct).ConfigureAwait(false);
                await Ledger.InitializeAsync(ct).ConfigureAwait(false);
                await Contacts.InitializeAsync(ct).ConfigureAwait(false);
                await Events.InitializeAsync(ct).ConfigureAwait(false);
                await Templates.InitializeAsync(ct).ConfigureAwait(false);
                await Outbox.InitializeAsync(ct).ConfigureAwait(false);
                await Facts.InitializeAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}

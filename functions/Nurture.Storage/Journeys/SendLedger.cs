using Azure;
using Azure.Data.Tables;
using Nurture.Core.Journeys.Model;
using Nurture.Core.SendTime;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Journeys;

/// <summary>
/// The send ledger: one row per deterministic message id (reserve, then sent / skipped / failed), and a
/// per-contact list of sends for frequency caps across journeys.
/// </summary>
/// <remarks>
/// A redelivered or crashed step reuses its message id, so its reservation finds the row of the earlier
/// attempt: <see cref="ReserveOutcome.AlreadySent"/> stops a second send. While another attempt holds the
/// reservation (not finished, not released, lease not run out) a reserve answers
/// <see cref="ReserveOutcome.InFlight"/>, so two concurrent deliveries never both call the provider. Once that
/// attempt released it after a transient failure, or its lease ran out after a crash, a reserve answers
/// <see cref="ReserveOutcome.Resumed"/> and the caller sends again under the same id, which the channel dedupes
/// where the provider allows. The per-contact row is written after the ledger row turns <c>Sent</c> (nothing may widen
/// the window between the provider's acceptance and that record); a re-run that finds the message sent writes it again.
/// </remarks>
public sealed partial class SendLedger
{
    /// <summary>How long an unfinished attempt keeps its reservation unless it releases it: a crashed attempt's send is resumed after this.</summary>
    public static readonly TimeSpan DefaultAttemptLease = TimeSpan.FromMinutes(1);

    private readonly TableClient _ledger;
    private readonly TableClient _byContact;

    /// <summary>Creates the ledger.</summary>
    /// <param name="tables">The Table service.</param>
    /// <param name="names">Table names; <see cref="JourneyStorageNames.Default"/> when null.</param>
    /// <param name="attemptLease">See <see cref="AttemptLease"/>; <see cref="DefaultAttemptLease"/> when null.</param>
    public SendLedger(TableServiceClient tables, JourneyStorageNames? names = null, TimeSpan? attemptLease = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        names ??= JourneyStorageNames.Default;
        AttemptLease = attemptLease ?? DefaultAttemptLease;
        _ledger = tables.GetTableClient(names.SendLedger);
        _byContact = tables.GetTableClient(names.SendsByContact);
    }

    /// <summary>How long an attempt that neither finished nor released its reservation keeps other attempts off the message.</summary>
    public TimeSpan AttemptLease { get; }

    /// <summary>Creates the tables if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _ledger.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await _byContact.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reserves a message id before handing the message to the channel.</summary>
    /// <param name="messageId">The deterministic message id.</param>
    /// <param name="contactId">The recipient.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="marketing">Whether it counts toward caps.</param>
    /// <param name="now">When.</param>
    /// <param name="sendTime">For a send from a best-time step, its arm of the send-time experiment (kept with the message, so campaign metrics can compare the arms); null otherwise.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<ReserveOutcome> ReserveAsync(string messageId, string contactId, MessageChannel channel, bool marketing, DateTimeOffset now, SendTimeArm? sendTime = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        TableEntity NewReservation() => new(messageId, string.Empty)
        {
            { "ContactId", contactId },
            { "Channel", channel.ToString() },
            { "Marketing", marketing },
            { "Status", nameof(LedgerStatus.Reserved) },
            { "Attempts", 1 },
            { "ReservedAt", now },
            { "AttemptAt", now },
            { "InFlight", true },
            { "SendTime", sendTime?.ToString() },
        };

        // Nearly every reservation is of a new message: insert first and read only when the row is already there.
        try
        {
            await _ledger.InsertAsync(NewReservation(), cancellationToken).ConfigureAwait(false);
            return ReserveOutcome.Reserved;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Reserved before (a retry, or a concurrent delivery): decide on what is stored.
        }

        var outcome = ReserveOutcome.Reserved;
        await OptimisticUpdate.UpdateAsync(_ledger, messageId, string.Empty, current =>
        {
            if (current is null)
            {
                outcome = ReserveOutcome.Reserved;
                return NewReservation();
            }

            var leaseHeld = current.GetBoolean("InFlight") == true && now - (current.GetDateTimeOffset("AttemptAt") ?? DateTimeOffset.MinValue) < AttemptLease;
            outcome = Enum.Parse<LedgerStatus>(current.GetString("Status")!) switch
            {
                LedgerStatus.Sent => ReserveOutcome.AlreadySent,
                LedgerStatus.Reserved when leaseHeld => ReserveOutcome.InFlight,
                LedgerStatus.Reserved => ReserveOutcome.Resumed,
                _ => ReserveOutcome.AlreadyFinished,
            };
            if (outcome != ReserveOutcome.Resumed)
            {
                return null;
            }

            current["Attempts"] = (current.GetInt32("Attempts") ?? 0) + 1;
            current["AttemptAt"] = now;
            current["InFlight"] = true;
            return current;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Ends an attempt that failed without an outcome (a transient channel error), so the next attempt resumes at once.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task ReleaseAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        await OptimisticUpdate.UpdateAsync(_ledger, messageId, string.Empty, current =>
        {
            if (current is null || current.GetString("Status") != nameof(LedgerStatus.Reserved) || current.GetBoolean("InFlight") != true)
            {
                return null;
            }

            current["InFlight"] = false;
            return current;
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records that the channel accepted the message: the ledger row first (one read, one conditional write), then the
    /// contact's send list. Nothing comes before the ledger's write, since the time between the provider's acceptance
    /// and that record is when a crash can send twice; a re-run that finds the message sent adds it to the list again
    /// (<see cref="RecordForContactAsync"/>).
    /// </summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="providerMessageId">The channel's id.</param>
    /// <param name="sentAt">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task MarkSentAsync(string messageId, string? providerMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var row = await _ledger.FindAsync(messageId, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Message '{messageId}' was never reserved.");
        if (row.GetString("Status") == nameof(LedgerStatus.Reserved))
        {
            // The row just read is what to complete: update it with its ETag, and read again only if it changed meanwhile.
            try
            {
                await _ledger.UpdateIfMatchAsync(Completed(row, LedgerStatus.Sent, sentAt, providerMessageId, null), row.ETag!, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
                await CompleteAsync(messageId, LedgerStatus.Sent, sentAt, providerMessageId, null, cancellationToken).ConfigureAwait(false);
            }
        }

        // Otherwise an earlier attempt completed it and its first outcome stays; the list row is the same either way.
        var channel = Enum.Parse<MessageChannel>(row.GetString("Channel")!);
        await RecordForContactAsync(messageId, row.GetString("ContactId")!, channel, row.GetBoolean("Marketing") ?? true, sentAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a sent message to its contact's send list, which frequency caps read (idempotent).</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="contactId">The recipient.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="marketing">Whether it counts toward caps.</param>
    /// <param name="sentAt">When it was sent.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task RecordForContactAsync(string messageId, string contactId, MessageChannel channel, bool marketing, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        var recent = new TableEntity(contactId, messageId)
        {
            { "Channel", channel.ToString() },
            { "Marketing", marketing },
            { "SentAt", sentAt },
        };
        await _byContact.UpsertAsync(recent, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that the message was skipped.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="reason">Why (no personal data).</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task MarkSkippedAsync(string messageId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        CompleteAsync(messageId, LedgerStatus.Skipped, at, null, reason, cancellationToken);

    /// <summary>Records that the channel rejected the message for good.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="reason">Why (no personal data).</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task MarkFailedAsync(string messageId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        CompleteAsync(messageId, LedgerStatus.Failed, at, null, reason, cancellationToken);

    private async Task CompleteAsync(string messageId, LedgerStatus status, DateTimeOffset at, string? providerMessageId, string? detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var written = await OptimisticUpdate.UpdateAsync(_ledger, messageId, string.Empty, current =>
        {
            if (current is null || current.GetString("Status") != nameof(LedgerStatus.Reserved))
            {
                // Never reserved, or already completed by an earlier attempt: keep the first outcome.
                return null;
            }

            return Completed(current, status, at, providerMessageId, detail);
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (written is null)
        {
            throw new InvalidOperationException($"Message '{messageId}' was never reserved.");
        }
    }

    private static TableEntity Completed(TableEntity reserved, LedgerStatus status, DateTimeOffset at, string? providerMessageId, string? detail)
    {
        reserved["Status"] = status.ToString();
        reserved["InFlight"] = false;
        reserved["CompletedAt"] = at;
        reserved["ProviderMessageId"] = providerMessageId;
        reserved["Detail"] = detail;
        return reserved;
    }
}

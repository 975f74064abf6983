using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys.Orchestration;

public sealed partial class JourneyDecisionApplier
{
    private async Task<SendReport> SendAsync(SendMessage send, string? shop, CancellationToken cancellationToken)
    {
        var reservation = await storage.Ledger.ReserveAsync(send.MessageId, send.ContactId, send.Channel, send.Marketing, clock.GetUtcNow(), send.SendTime, cancellationToken).ConfigureAwait(false);
        switch (reservation)
        {
            case ReserveOutcome.AlreadySent or ReserveOutcome.AlreadyFinished:
                JourneyLog.DuplicateSend(logger, send.MessageId, reservation.ToString());
                var entry = await storage.Ledger.GetAsync(send.MessageId, cancellationToken).ConfigureAwait(false);
                if (entry is { Status: LedgerStatus.Sent, CompletedAt: { } completedAt })
                {
                    // The attempt that sent it may have died after the ledger said sent and before what follows.
                    await storage.Ledger.RecordForContactAsync(send.MessageId, send.ContactId, send.Channel, send.Marketing, completedAt, cancellationToken).ConfigureAwait(false);
                    await RecordSentAsync(send, entry.ProviderMessageId, completedAt, cancellationToken).ConfigureAwait(false);
                }

                return entry?.Status == LedgerStatus.Failed
                    ? new SendReport(send.MessageId, SendOutcome.Failed, Detail: entry.Detail)
                    : new SendReport(send.MessageId, SendOutcome.Duplicate);
            case ReserveOutcome.InFlight:
                // Another attempt holds the reservation (a run of this activity thought dead): wait for it, never call twice.
                return new SendReport(send.MessageId, SendOutcome.Failed, Transient: true, Detail: "another attempt is sending it");
        }

        var recipient = await contacts.GetAsync(send.ContactId, cancellationToken).ConfigureAwait(false);
        var composed = await composer.ComposeAsync(send, recipient, shop, cancellationToken).ConfigureAwait(false);
        if (composed.Message is null)
        {
            return await FailAsync(send, composed.Problem!, cancellationToken).ConfigureAwait(false);
        }

        if (reservation == ReserveOutcome.Resumed && await AcceptedEarlierAsync(send, composed.Message, cancellationToken).ConfigureAwait(false) is { } accepted)
        {
            // An earlier attempt handed it over and died before the ledger heard back: record that, send nothing.
            var acceptedAt = clock.GetUtcNow();
            await storage.Ledger.MarkSentAsync(send.MessageId, accepted.ProviderMessageId, acceptedAt, cancellationToken).ConfigureAwait(false);
            await RecordSentAsync(send, accepted.ProviderMessageId, acceptedAt, cancellationToken).ConfigureAwait(false);
            JourneyLog.FoundAccepted(logger, send.MessageId, send.Channel.ToString());
            return new SendReport(send.MessageId, SendOutcome.Sent);
        }

        ChannelSendResult result;
        try
        {
            result = await channel.SendAsync(composed.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whether the provider took it is unknown: release, so the next try asks the channel before sending again.
            await storage.Ledger.ReleaseAsync(send.MessageId, CancellationToken.None).ConfigureAwait(false);
            JourneyLog.SendRetrying(logger, send.MessageId, e.GetType().Name);
            return new SendReport(send.MessageId, SendOutcome.Failed, Transient: true, Detail: e.GetType().Name);
        }

        switch (result.Status)
        {
            case ChannelSendStatus.Sent:
                // The ledger first: a crash between the provider's acceptance and this write is the one that can send
                // twice (a resumed send asks the provider first where its API allows), so nothing else comes before it.
                var sentAt = clock.GetUtcNow();
                await storage.Ledger.MarkSentAsync(send.MessageId, result.ProviderMessageId, sentAt, cancellationToken).ConfigureAwait(false);
                await RecordSentAsync(send, result.ProviderMessageId, sentAt, cancellationToken).ConfigureAwait(false);
                JourneyLog.Sent(logger, send.MessageId, send.Channel.ToString());
                return new SendReport(send.MessageId, SendOutcome.Sent);
            case ChannelSendStatus.PermanentFailure:
                // What the refusal says about the recipient goes on the profile first, so a crash before the ledger
                // row repeats an idempotent change, never loses it.
                await recipients.ApplyAsync(send.ContactId, send.MessageId, result, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                return await FailAsync(send, RefusalDetail(result), cancellationToken).ConfigureAwait(false);
            default:
                await storage.Ledger.ReleaseAsync(send.MessageId, cancellationToken).ConfigureAwait(false);
                JourneyLog.SendRetrying(logger, send.MessageId, result.Detail ?? "transient failure");
                return new SendReport(send.MessageId, SendOutcome.Failed, Transient: true, Detail: result.Detail);
        }
    }

    /// <summary>
    /// Asks the channel whether an earlier attempt's hand-over of this message was accepted (the message as it would be
    /// sent now, and the time of the first reservation): the result to record when it was, null when it was not or
    /// the provider cannot tell (then it is sent again, which may duplicate: logged).
    /// </summary>
    private async Task<ChannelSendResult?> AcceptedEarlierAsync(SendMessage send, OutboundMessage message, CancellationToken cancellationToken)
    {
        var entry = await storage.Ledger.GetAsync(send.MessageId, cancellationToken).ConfigureAwait(false);
        var check = await channel.CheckAcceptedAsync(message, entry?.ReservedAt ?? clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (check is { Answer: AcceptanceAnswer.Accepted, Result: { Status: ChannelSendStatus.Sent } result })
        {
            return result;
        }

        if (check.Answer == AcceptanceAnswer.Unknown)
        {
            JourneyLog.ResendingUnconfirmed(logger, send.MessageId, send.Channel.ToString(), check.Answer.ToString(), check.Reason);
        }

        return null;
    }

    /// <summary>The provider's code and reason, as recorded on the send and shown on the timeline: <c>21610 (recipient): ...</c>.</summary>
    private static string RefusalDetail(ChannelSendResult result)
    {
        var reason = result.Detail ?? "rejected by the channel";
        return result.ErrorCode is { Length: > 0 } code ? $"{code} ({result.Failure.ToString().ToLowerInvariant()}): {reason}" : reason;
    }

    private async Task<SendReport> FailAsync(SendMessage send, string reason, CancellationToken cancellationToken)
    {
        await storage.Ledger.MarkFailedAsync(send.MessageId, reason, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        JourneyLog.SendFailed(logger, send.MessageId, reason);
        return new SendReport(send.MessageId, SendOutcome.Failed, Detail: reason);
    }

    /// <summary>
    /// What follows a send the ledger recorded: the provider-id index (for feedback naming only the provider's id) and
    /// the campaign fact. Each is an idempotent upsert, written again by a re-run that finds the message already sent,
    /// so a crash after the ledger's write loses neither.
    /// </summary>
    private async Task RecordSentAsync(SendMessage send, string? providerMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        if (providerMessageId is { Length: > 0 } providerId)
        {
            await statuses.IndexAsync(send.MessageId, providerId, cancellationToken).ConfigureAwait(false);
        }

        await RecordSendAsync(send, sentAt, cancellationToken).ConfigureAwait(false);
    }
}

using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

public sealed partial class JourneyRunner
{
    /// <summary>How many timeline events are read for the goal re-check before a send.</summary>
    public const int RecentEventLimit = 100;

    private async Task<DecisionContext> BuildContextAsync(JourneyDefinition definition, JourneyState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipient = await _contacts.GetAsync(state.ContactId, cancellationToken).ConfigureAwait(false);
        // Recent sends only feed the frequency caps: without a cap there is nothing to read.
        var window = new[] { _policy.EmailCap?.Window, _policy.SmsCap?.Window }.Max();
        var sends = window is { } longest
            ? await _storage.Ledger.RecentSendsAsync(state.ContactId, now - longest, cancellationToken).ConfigureAwait(false)
            : [];
        var events = new List<Core.Events.CanonicalEvent>();
        if (definition.GoalsOrEmpty.Count > 0 && state.StartedAt is { } started)
        {
            await foreach (var stored in _storage.Events.ReadTimelineAsync(state.ContactId, RecentEventLimit, cancellationToken).ConfigureAwait(false))
            {
                if (stored.Event.OccurredAt >= started)
                {
                    events.Add(stored.Event);
                }
            }
        }

        return new DecisionContext(recipient?.Contact ?? new Core.Journeys.Contacts.JourneyContact(state.ContactId), sends, events, _policy);
    }

    private async Task ApplyAsync(StoredInstance saved, CancellationToken cancellationToken)
    {
        foreach (var command in saved.Pending)
        {
            switch (command)
            {
                case SendMessage send:
                    await SendAsync(saved.State, send, cancellationToken).ConfigureAwait(false);
                    break;
                case ScheduleWakeUp wake:
                    await _storage.Work.ScheduleWakeUpAsync(wake.InstanceId, wake.TimerId, wake.At, cancellationToken).ConfigureAwait(false);
                    break;
                case UpdateProfile update:
                    await _contacts.ApplyAsync(update, cancellationToken).ConfigureAwait(false);
                    break;
                case EndInstance end:
                    await _storage.Instances.UpdateIndexAsync(IndexRow(saved.State, end.Status, _clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidOperationException($"The runner cannot apply {command.GetType().Name}.");
            }
        }
    }

    private async Task SendAsync(JourneyState state, SendMessage send, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var reservation = await _storage.Ledger.ReserveAsync(send.MessageId, send.ContactId, send.Channel, send.Marketing, now, cancellationToken).ConfigureAwait(false);
        if (reservation is ReserveOutcome.AlreadySent or ReserveOutcome.AlreadyFinished)
        {
            JourneyLog.DuplicateSend(_logger, send.MessageId, reservation.ToString());
            return;
        }

        if (reservation == ReserveOutcome.InFlight)
        {
            throw new SendInFlightException(send.MessageId);
        }

        if (reservation == ReserveOutcome.Resumed
            && await _channel.FindAcceptedAsync(send.MessageId, cancellationToken).ConfigureAwait(false) is { Status: ChannelSendStatus.Sent } accepted)
        {
            // An earlier attempt handed it over and died before the ledger heard back: record that, send nothing.
            await _storage.Ledger.MarkSentAsync(send.MessageId, accepted.ProviderMessageId, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            JourneyLog.FoundAccepted(_logger, send.MessageId, send.Channel.ToString());
            return;
        }

        var recipient = await _contacts.GetAsync(send.ContactId, cancellationToken).ConfigureAwait(false);
        var composed = await _composer.ComposeAsync(send, recipient, cancellationToken).ConfigureAwait(false);
        if (composed.Message is null)
        {
            await FailAsync(state, send, composed.Problem!, cancellationToken).ConfigureAwait(false);
            return;
        }

        ChannelSendResult result;
        try
        {
            result = await _channel.SendAsync(composed.Message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Whether the provider took it is unknown; release so the retry resumes it (the channel dedupes by id).
            await _storage.Ledger.ReleaseAsync(send.MessageId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        switch (result.Status)
        {
            case ChannelSendStatus.Sent:
                await _storage.Ledger.MarkSentAsync(send.MessageId, result.ProviderMessageId, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                JourneyLog.Sent(_logger, send.MessageId, send.Channel.ToString());
                break;
            case ChannelSendStatus.PermanentFailure:
                await FailAsync(state, send, result.Detail ?? "rejected by the channel", cancellationToken).ConfigureAwait(false);
                break;
            default:
                await _storage.Ledger.ReleaseAsync(send.MessageId, cancellationToken).ConfigureAwait(false);
                throw new ChannelTransientException(send.MessageId, result.Detail);
        }
    }

    private async Task FailAsync(JourneyState state, SendMessage send, string reason, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        await _storage.Ledger.MarkFailedAsync(send.MessageId, reason, now, cancellationToken).ConfigureAwait(false);
        await _storage.Work.EnqueueAsync(state.InstanceId, new SendResultTrigger(send.MessageId, SendOutcome.Failed, now, reason), cancellationToken).ConfigureAwait(false);
        JourneyLog.SendFailed(_logger, send.MessageId, reason);
    }

    private static ContactInstance IndexRow(JourneyState state, JourneyStatus status, DateTimeOffset now) =>
        new(state.ContactId, state.InstanceId, state.JourneyId, state.Version, state.InstanceKey, state.StartedAt ?? now, status);
}

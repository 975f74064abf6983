using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>
/// Advances one instance by one trigger: load with ETag, decide, save with If-Match, apply the decision's side
/// effects. The shell around the pure <see cref="JourneyDecider"/>.
/// </summary>
/// <remarks>
/// <para>Queue messages arrive at least once and a process may die at any instruction. The state row therefore
/// carries the side effects of its last decision (<see cref="StoredInstance.Pending"/>), written in the same
/// atomic save as the state and the decision's history:</para>
/// <list type="bullet">
/// <item>Crash before the save: nothing was written; the redelivered trigger decides again from the same state.</item>
/// <item>Crash after the save, before or during applying: the trigger message was not deleted, so it comes back;
/// the runner first applies the pending side effects of the saved decision, then decides the trigger again,
/// which the decider now sees as stale or duplicate (no commands).</item>
/// <item>Crash after applying, before clearing the pending list: they are applied again, which is harmless: a send
/// goes through the send ledger keyed by the decider's deterministic message id (a sent id is never sent again,
/// an id reserved by an attempt that died is resent under the same id, which the channel dedupes), a wake-up
/// twice is ignored by its timer id, profile updates have set semantics, and index writes are idempotent.</item>
/// <item>Two deliveries at once: the second save fails its If-Match; that runner reloads, applies what the winner
/// left pending (again harmless) and decides on the new state.</item>
/// </list>
/// <para>A start or wake-up that changes nothing (a duplicate or stale one) saves nothing, but leaves an
/// <see cref="HistoryKind.Ignored"/> line on the timeline, one per distinct trigger and decision.</para>
/// <para>A transient channel failure releases the ledger reservation and throws so the queue retries; the pending
/// list keeps the send until it goes through. When another attempt holds the reservation (a concurrent delivery
/// of the same instance), this trigger is put back with a delay rather than calling the provider a second time.</para>
/// </remarks>
public sealed partial class JourneyRunner
{
    /// <summary>Most load-decide-save rounds for one trigger before the queue is left to retry it.</summary>
    public const int MaxAttempts = 20;

    private readonly JourneyStorage _storage;
    private readonly IJourneyContactSource _contacts;
    private readonly IMessageChannel _channel;
    private readonly MessageComposer _composer;
    private readonly SendPolicyOptions _policy;
    private readonly TimeProvider _clock;
    private readonly ILogger<JourneyRunner> _logger;

    /// <summary>Creates the runner.</summary>
    public JourneyRunner(
        JourneyStorage storage,
        IJourneyContactSource contacts,
        IMessageChannel channel,
        MessageComposer composer,
        SendPolicyOptions policy,
        TimeProvider clock,
        ILogger<JourneyRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _storage = storage;
        _contacts = contacts;
        _channel = channel;
        _composer = composer;
        _policy = policy;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>How long a trigger waits when another attempt is sending one of its instance's messages.</summary>
    public static readonly TimeSpan InFlightRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Advances the instance named in the message by its trigger.</summary>
    /// <param name="work">The message.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task AdvanceAsync(JourneyWorkMessage work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DecideAndApplyAsync(work, cancellationToken).ConfigureAwait(false);
        }
        catch (SendInFlightException e)
        {
            // Another delivery is sending this instance's message: come back later instead of burning a dequeue
            // (the trigger could end in poison) or calling the provider a second time.
            JourneyLog.SendInFlight(_logger, work.InstanceId, e.MessageId);
            await _storage.Work.RequeueAsync(work, InFlightRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DecideAndApplyAsync(JourneyWorkMessage work, CancellationToken cancellationToken)
    {
        var trigger = await ResolveTriggerAsync(work, cancellationToken).ConfigureAwait(false);
        if (trigger is null)
        {
            return;
        }

        var triggerName = trigger.GetType().Name;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var loaded = await _storage.Instances.LoadAsync(work.InstanceId, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                JourneyLog.UnknownInstance(_logger, work.InstanceId);
                return;
            }

            if (loaded.Pending.Count > 0)
            {
                JourneyLog.ApplyingLeftover(_logger, work.InstanceId, loaded.Pending.Count);
                await ApplyAsync(loaded, cancellationToken).ConfigureAwait(false);
                loaded = await _storage.Instances.ClearPendingAsync(loaded, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                if (loaded is null)
                {
                    continue;
                }
            }

            var definition = await _storage.Definitions.GetVersionAsync(loaded.State.JourneyId, loaded.State.Version, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Journey '{loaded.State.JourneyId}' version {loaded.State.Version} is not published; instance '{work.InstanceId}' cannot advance.");
            var now = _clock.GetUtcNow();
            var context = await BuildContextAsync(definition, loaded.State, now, cancellationToken).ConfigureAwait(false);
            var result = JourneyDecider.Decide(definition, loaded.State, trigger with { Now = now }, context);
            if (result.IsNoOp)
            {
                JourneyLog.NoOp(_logger, work.InstanceId, triggerName);
                if (trigger is not (EventArrivedTrigger or NudgeTrigger))
                {
                    // A duplicate start or a stale timer is worth a line on the timeline; the shopper's other events
                    // (every page view) and the repair sweep's nudges would only bury the real steps.
                    var ignored = new HistoryEntry(now, HistoryKind.Ignored, $"{triggerName} changed nothing: a duplicate delivery or a stale timer");
                    await _storage.Instances.RecordIgnoredAsync(loaded, TriggerKey(work), ignored, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            var effects = result.Commands.Where(c => c is not RecordHistory).ToList();
            StoredInstance saved;
            try
            {
                saved = await _storage.Instances.SaveDecisionAsync(loaded, result.State, result.History, effects, now, cancellationToken).ConfigureAwait(false);
            }
            catch (InstanceSaveConflictException)
            {
                JourneyLog.SaveConflict(_logger, work.InstanceId, attempt);
                continue;
            }

            JourneyLog.Decided(_logger, work.InstanceId, saved.Decision, triggerName, saved.State.Status.ToString(), result.Commands.Count);
            await ApplyAsync(saved, cancellationToken).ConfigureAwait(false);
            await _storage.Instances.ClearPendingAsync(saved, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return;
        }

        throw new InvalidOperationException($"Instance '{work.InstanceId}' kept changing during {MaxAttempts} attempts; the queue will retry.");
    }

    // An event too large for the queue came as a reference: read it back from the contact's timeline. Gone means
    // erased since, and an erased contact's event must not move anything.
    private async Task<JourneyTrigger?> ResolveTriggerAsync(JourneyWorkMessage work, CancellationToken cancellationToken)
    {
        if (work.EventStoredFor is not { } contactId || work.Trigger is not EventArrivedTrigger arrived)
        {
            return work.Trigger;
        }

        var stored = await _storage.Events.GetAsync(contactId, arrived.Event.EventId, arrived.Event.OccurredAt, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            JourneyLog.StoredEventGone(_logger, work.InstanceId, arrived.Event.EventId);
            return null;
        }

        return arrived with { Event = arrived.Event with { Properties = stored.Event.Properties } };
    }

    // Every copy of one queue message has the same text, so duplicates of a trigger share a key.
    private static string TriggerKey(JourneyWorkMessage work) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(work.ToJson())).AsSpan(0, 8));
}

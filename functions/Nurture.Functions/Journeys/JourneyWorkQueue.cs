using System.Text.Json;
using Azure.Storage.Queues;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Functions.Queues;
using Nurture.Storage.Queues;

namespace Nurture.Functions.Journeys;

/// <summary>The <c>journey-work</c> queue: triggers now, and wake-ups as messages with a visibility delay.</summary>
/// <remarks>
/// A queue message can stay invisible for at most 7 days. A later wake-up is delivered after the longest delay
/// the queue allows; the decider answers that early wake-up by scheduling the same timer again, which chains
/// the wait. Messages never expire, so a long-delayed wake-up cannot vanish before it becomes visible.
/// </remarks>
public sealed class JourneyWorkQueue
{
    /// <summary>The queue's name.</summary>
    public const string QueueName = "journey-work";

    /// <summary>The longest delay one message is given (just under the service's 7 days).</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private readonly QueueClient _queue;
    private readonly TimeProvider _clock;
    private readonly QueueWakeUps? _wakeUps;

    /// <summary>Creates the queue wrapper.</summary>
    /// <param name="queue">The <c>journey-work</c> queue.</param>
    /// <param name="clock">The clock delays are measured against.</param>
    /// <param name="wakeUps">This host's listener hints: told when each delayed message becomes visible, so a wake-up is
    /// not left waiting for the listener's backoff; null when no listener runs here.</param>
    public JourneyWorkQueue(QueueClient queue, TimeProvider clock, QueueWakeUps? wakeUps = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(clock);
        _queue = queue;
        _clock = clock;
        _wakeUps = wakeUps;
    }

    /// <summary>Creates the queue if needed.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Enqueues a trigger for an instance, visible now.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task EnqueueAsync(string instanceId, JourneyTrigger trigger, CancellationToken cancellationToken = default) =>
        SendAsync(new JourneyWorkMessage(instanceId, trigger), TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// Enqueues an event for an instance of the contact, visible now. An event too large for a queue message goes
    /// without its properties and with a reference to the contact's timeline, where it is already stored.
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="contactId">The contact whose timeline holds the event.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task EnqueueEventAsync(string instanceId, string contactId, EventArrivedTrigger trigger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        var message = new JourneyWorkMessage(instanceId, trigger);
        if (!QueueLimits.Fits(message.ToJson()))
        {
            using var empty = JsonDocument.Parse("{}");
            var stub = trigger with { Event = trigger.Event with { Properties = empty.RootElement.Clone() } };
            message = new JourneyWorkMessage(instanceId, stub, contactId);
        }

        return SendAsync(message, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Puts a message back to be handled again after <paramref name="delay"/>.</summary>
    /// <param name="message">The message.</param>
    /// <param name="delay">How long to wait (whole seconds, at most <see cref="MaxDelay"/>).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task RequeueAsync(JourneyWorkMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SendAsync(message, delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : RoundUpToSecond(delay), cancellationToken);
    }

    /// <summary>Schedules a wake-up at <paramref name="at"/> (or, beyond 7 days, an early one that the decider chains).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="timerId">The timer.</param>
    /// <param name="at">When it is due.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task ScheduleWakeUpAsync(string instanceId, string timerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var delay = at - _clock.GetUtcNow();
        delay = delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : RoundUpToSecond(delay);
        return SendAsync(new JourneyWorkMessage(instanceId, new WakeUpTrigger(timerId, at)), delay, cancellationToken);
    }

    // The service counts visibility in whole seconds and drops the fraction; rounding up keeps a wake-up from
    // arriving early, which the decider would only answer by scheduling it again.
    private static TimeSpan RoundUpToSecond(TimeSpan delay) =>
        TimeSpan.FromSeconds(Math.Ceiling(delay.Ticks / (double)TimeSpan.TicksPerSecond));

    private async Task SendAsync(JourneyWorkMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        await _queue.EnqueueAsync(message.ToJson(), delay, QueueLimits.NeverExpires, cancellationToken).ConfigureAwait(false);
        if (delay > TimeSpan.Zero)
        {
            // Counted from the send's completion: the service starts the delay when it stores the message, not later.
            _wakeUps?.Expect(_queue.Name, _clock.GetUtcNow() + delay);
        }
    }
}

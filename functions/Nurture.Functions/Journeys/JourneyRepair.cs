using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>
/// Finds live instances that nothing is moving any more and puts a trigger for each on <c>journey-work</c>.
/// </summary>
/// <remarks>
/// A trigger whose message ended in poison (a channel down for longer than the queue's retries, say) may leave its
/// instance with side effects saved but never applied (a send, the next wake-up), a start never taken, or a timer
/// whose wake-up was consumed without effect. Every trigger is idempotent, so nudging an instance that was in fact
/// about to move is harmless: a second start or a stale wake-up changes nothing, and pending side effects go
/// through the send ledger.
/// </remarks>
public sealed class JourneyRepair
{
    private readonly JourneyStorage _storage;
    private readonly JourneyRepairOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<JourneyRepair> _logger;

    /// <summary>Creates the sweep.</summary>
    public JourneyRepair(JourneyStorage storage, IOptions<JourneyRepairOptions> options, TimeProvider clock, ILogger<JourneyRepair> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        _storage = storage;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Nudges every stalled instance (up to the configured maximum); returns how many.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        var stalled = await _storage.Instances.ListStalledAsync(now - _options.After, _options.MaxPerRun, cancellationToken).ConfigureAwait(false);
        foreach (var instance in stalled)
        {
            var trigger = TriggerFor(instance, now);
            JourneyLog.Nudged(_logger, instance.InstanceId, instance.Status.ToString(), instance.PendingCount, trigger.GetType().Name);
            await _storage.Work.EnqueueAsync(instance.InstanceId, trigger, cancellationToken).ConfigureAwait(false);
        }

        return stalled.Count;
    }

    /// <summary>The trigger that moves a stalled instance on.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="now">The sweep's time.</param>
    public static JourneyTrigger TriggerFor(StalledInstance instance, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.Status == JourneyStatus.Pending)
        {
            return new StartTrigger(now);
        }

        // The runner applies leftover side effects before deciding any trigger, so the timer's own wake-up also
        // clears them; an instance with nothing overdue gets a nudge, which the decider ignores.
        return instance.TimerId is { } timerId && instance.TimerDueAt <= now
            ? new WakeUpTrigger(timerId, now)
            : new NudgeTrigger(now);
    }
}

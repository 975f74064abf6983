using Microsoft.Extensions.Logging;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Creates an instance an entry decision admitted and sets it going.</summary>
/// <remarks>
/// Order matters for at-least-once callers: insert the state (a duplicate insert is a no-op), enqueue
/// <c>Start</c> (a duplicate start is a no-op), and only then add the instance to the contact's index. The index
/// is what makes a redelivered entry be rejected as "already started", so it is written last: a crash before it
/// means the retry walks the same steps again instead of leaving an instance that never starts.
/// </remarks>
public sealed class JourneyStarter
{
    private readonly JourneyStorage _storage;
    private readonly ILogger<JourneyStarter> _logger;

    /// <summary>Creates the starter.</summary>
    public JourneyStarter(JourneyStorage storage, ILogger<JourneyStarter> logger)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(logger);
        _storage = storage;
        _logger = logger;
    }

    /// <summary>Creates, starts and indexes a pending instance.</summary>
    /// <param name="pending">The state from <c>JourneyEntryEvaluator</c>.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task StartAsync(JourneyState pending, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Status != JourneyStatus.Pending)
        {
            throw new ArgumentException($"Only a pending instance can be started; '{pending.InstanceId}' is {pending.Status}.", nameof(pending));
        }

        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await _storage.Instances.CreateAsync(pending, now, cancellationToken).ConfigureAwait(false);
        await _storage.Work.EnqueueAsync(pending.InstanceId, new StartTrigger(now), cancellationToken).ConfigureAwait(false);
        await _storage.Instances.IndexAsync(
            new ContactInstance(pending.ContactId, pending.InstanceId, pending.JourneyId, pending.Version, pending.InstanceKey, now, JourneyStatus.Pending),
            cancellationToken).ConfigureAwait(false);
        JourneyLog.Entered(_logger, pending.ContactId, pending.JourneyId, pending.Version, pending.InstanceId);
    }
}

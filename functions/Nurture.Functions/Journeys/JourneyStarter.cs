using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Starts the Durable instance an entry decision admitted and adds it to its contact's index.</summary>
/// <remarks>
/// The instance id is deterministic (journey, contact, entry key), so a repeated start meets the instance the first one
/// created: Durable refuses a second instance with that id, whether it is still running or has ended (every status is
/// passed as a dedupe status, <see cref="DedupeStatuses"/>: a status left out would let a backend terminate and
/// replace a live instance, sending its messages again), and the refusal is taken as "already started". The
/// index row is written after the start: a crash in between means the retry walks the same steps again, and the index
/// is what later entries read to apply the re-entry policy.
/// </remarks>
public sealed class JourneyStarter(JourneyStorage storage, IOptions<JourneyOptions> options, ILogger<JourneyStarter> logger)
{
    /// <summary>
    /// Statuses of an existing instance that make a start with its id a no-op: all of them, running or ended. Leaving
    /// the unfinished ones out would ask to replace a live instance, which the local host's engine refuses outright.
    /// </summary>
    public static readonly OrchestrationRuntimeStatus[] DedupeStatuses = [.. StartOrchestrationOptionsExtensions.ValidDedupeStatuses];

    /// <summary>Starts and indexes a pending instance; true when this call started it, false when it already existed.</summary>
    /// <param name="client">The Durable client of the invocation.</param>
    /// <param name="pending">The state from <c>JourneyEntryEvaluator</c>.</param>
    /// <param name="definition">The version it runs on.</param>
    /// <param name="context">The decision context loaded for the entry (saves the first decision an activity), or null.</param>
    /// <param name="now">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> StartAsync(DurableTaskClient client, JourneyState pending, JourneyDefinition definition, DecisionContext? context, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(definition);
        if (pending.Status != JourneyStatus.Pending)
        {
            throw new ArgumentException($"Only a pending instance can be started; '{pending.InstanceId}' is {pending.Status}.", nameof(pending));
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var run = new JourneyRun(
            JourneyJson.Serialize(definition),
            JsonSerializer.Serialize(pending, JourneyJson.Options),
            Decisions: 0,
            context is null ? null : JsonSerializer.Serialize(context, JourneyJson.Options),
            options.Value.ToTiming());
        var started = true;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(JourneyOrchestration), run, new StartOrchestrationOptions(pending.InstanceId).WithDedupeStatuses(DedupeStatuses), cancellationToken).ConfigureAwait(false);
            JourneyLog.Entered(logger, pending.ContactId, pending.JourneyId, pending.Version, pending.InstanceId);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            started = false;
            JourneyLog.AlreadyStarted(logger, pending.InstanceId, pending.JourneyId);
        }

        await storage.Instances.IndexAsync(
            new ContactInstance(pending.ContactId, pending.InstanceId, pending.JourneyId, pending.Version, pending.InstanceKey, now, JourneyStatus.Pending),
            cancellationToken).ConfigureAwait(false);
        return started;
    }
}

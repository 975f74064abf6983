using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Nurture.Functions.Delivery;

namespace Nurture.Functions.Journeys;

/// <summary>
/// The journeys' part of an erasure: the contact's running instances are terminated (so nothing more is sent), then
/// every instance's Durable state, recorded state and timeline, and every send (ledger rows, per-contact rows, delivery
/// status history) are deleted.
/// </summary>
/// <remarks>
/// Termination is asynchronous on the Durable engine: the instance is awaited until it has stopped (up to
/// <see cref="StopTimeout"/>, else the erasure fails and is retried) before its state is purged, so no step of it
/// writes again after the erasure. Every step is idempotent, so a retried erasure finishes what a failed one began.
/// </remarks>
public sealed partial class JourneyContactEraser(JourneyStorage storage, SendStatusStore statuses, ILogger<JourneyContactEraser> logger)
{
    /// <summary>How long a terminated instance is awaited before its state is purged regardless.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Ends and deletes the contact's journeys and sends; returns how many instances were terminated.</summary>
    /// <param name="client">The invocation's Durable client.</param>
    /// <param name="contactId">The contact.</param>
    /// <param name="reason">Why (recorded as the termination output; no personal data).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<int> EraseAsync(DurableTaskClient client, string contactId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var instances = await storage.Instances.ListForContactAsync(contactId, cancellationToken: cancellationToken).ConfigureAwait(false);
        var terminated = 0;
        foreach (var instance in instances)
        {
            if (await TerminateAsync(client, instance.InstanceId, reason, cancellationToken).ConfigureAwait(false))
            {
                terminated++;
            }
        }

        var messageIds = new HashSet<string>(await storage.Ledger.SentMessageIdsAsync(contactId, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        foreach (var instance in instances)
        {
            var history = await storage.Instances.ReadHistoryAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
            messageIds.UnionWith(history.Select(h => h.MessageId).OfType<string>());
        }

        foreach (var messageId in messageIds)
        {
            var entry = await storage.Ledger.GetAsync(messageId, cancellationToken).ConfigureAwait(false);
            await statuses.DeleteAsync(messageId, entry?.ProviderMessageId, cancellationToken).ConfigureAwait(false);
        }

        await storage.Ledger.DeleteContactAsync(contactId, messageIds, cancellationToken).ConfigureAwait(false);
        foreach (var instance in instances)
        {
            await storage.Instances.DeleteAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false);
            await client.PurgeInstanceAsync(instance.InstanceId, cancellation: cancellationToken).ConfigureAwait(false);
        }

        await storage.Instances.DeleteIndexAsync(contactId, cancellationToken).ConfigureAwait(false);
        Erased(logger, instances.Count, terminated, messageIds.Count);
        return terminated;
    }

    private static async Task<bool> TerminateAsync(DurableTaskClient client, string instanceId, string reason, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (metadata is null || metadata.IsCompleted)
        {
            return false;
        }

        try
        {
            await client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions { Output = reason }, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // It ended between the read and the termination: nothing to stop.
            return false;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(StopTimeout);
        try
        {
            await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: false, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A busy task hub: the termination stays queued, and a live instance cannot be purged. Fail the erasure so
            // it is retried (the queue retries a redact; an API caller repeats the DELETE); every step is idempotent.
            throw new TimeoutException($"Journey instance '{instanceId}' did not stop within {StopTimeout.TotalSeconds:0} s of its termination; retry the erasure.");
        }

        return true;
    }

    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Erased a contact's journeys: {Instances} instances ({Terminated} terminated), {Messages} messages")]
    private static partial void Erased(ILogger logger, int instances, int terminated, int messages);
}

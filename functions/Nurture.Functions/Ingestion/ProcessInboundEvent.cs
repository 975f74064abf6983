using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Nurture.Functions.Journeys;
using Nurture.Storage.Connections;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// The <c>events-inbound</c> queue function: maps each accepted delivery to canonical events and processes them
/// (timeline, day partition, profile, journeys). A failure throws so the queue retries; a message that can never
/// be processed ends in <c>events-inbound-poison</c> with its reason logged.
/// </summary>
public sealed class ProcessInboundEvent(InboundEventProcessor processor, JourneyEventRouter journeys)
{
    /// <summary>Processes one delivery; its events reach journeys through this invocation's Durable client.</summary>
    [Function(FunctionNames.ProcessInboundEvent)]
    public Task RunAsync(
        [QueueTrigger(InboundQueue.QueueName, Connection = StorageConnectionSettings.DefaultConnectionName)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message, journeys.For(client), cancellationToken);
}

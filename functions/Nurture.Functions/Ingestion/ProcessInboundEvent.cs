using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;
using Nurture.Storage.Connections;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Ingestion;

/// <summary>
/// The <c>events-inbound</c> queue function: maps each accepted delivery to canonical events and processes them
/// (timeline, day partition, profile, journeys). A failure throws so the queue retries; a message that can never
/// be processed ends in <c>events-inbound-poison</c> with its reason logged.
/// </summary>
public static class ProcessInboundEvent
{
    /// <summary>The catalog entry.</summary>
    public static QueueFunction Definition { get; } = new(
        FunctionNames.ProcessInboundEvent,
        new QueueTrigger(InboundQueue.QueueName, StorageConnectionSettings.DefaultConnectionName),
        RunAsync);

    private static Task RunAsync(QueueTriggerMessage message, FunctionContext context) =>
        context.Services.GetRequiredService<InboundEventProcessor>().ProcessAsync(message.Text, context.CancellationToken);
}

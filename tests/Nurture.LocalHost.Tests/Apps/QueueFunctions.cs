using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Tests.Apps;

/// <summary>Queue functions of the test app, one per trigger type the local host binds.</summary>
public sealed class QueueFunctions(Probe probe)
{
    [Function(nameof(Work))]
    public Task Work([QueueTrigger("%WorkQueue%")] QueueMessage message, CancellationToken cancellationToken) =>
        probe.RunAsync(new ProbeCall(nameof(Work), message.MessageText, message.DequeueCount), cancellationToken);

    [Function(nameof(Order))]
    public Task Order([QueueTrigger("%OrderQueue%")] OrderPlaced order, CancellationToken cancellationToken) =>
        probe.RunAsync(new ProbeCall(nameof(Order), $"{order.OrderId}:{order.Total}:{string.Join('+', order.Items)}"), cancellationToken);

    [Function(nameof(Raw))]
    public Task Raw([QueueTrigger("%RawQueue%")] BinaryData body, FunctionContext context) =>
        probe.RunAsync(new ProbeCall(nameof(Raw), Convert.ToHexString(body.ToArray()), Detail: context.FunctionDefinition.Name), context.CancellationToken);

    [Function(nameof(PlainText))]
    public Task PlainText([QueueTrigger("%TextQueue%")] string message) => probe.RunAsync(new ProbeCall(nameof(PlainText), message), CancellationToken.None);
}

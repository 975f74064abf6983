using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Model;

namespace Nurture.Benchmarks.Journeys;

/// <summary>
/// The baseline: the same steps as the benchmark journey (entry, one email, exit) written as the smallest orchestration
/// would be, one activity per send that hands the message to the same channel; no decider, ledger or timeline.
/// </summary>
public sealed class BaselineFunctions(IMessageChannel channel)
{
    [Function(nameof(BaselineOrchestration))]
    public static async Task BaselineOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var send = context.GetInput<BaselineSend>() ?? throw new InvalidOperationException($"Baseline instance '{context.InstanceId}' has no input.");
        await context.CallActivityAsync(nameof(BaselineSendEmail), send);
    }

    [Function(nameof(BaselineSendEmail))]
    public async Task BaselineSendEmail([ActivityTrigger] BaselineSend send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        var message = new OutboundMessage(
            send.MessageId, MessageChannel.Email, send.ContactId, send.To, "shop@example.com", $"{send.FirstName}, a note from us", $"Hi {send.FirstName}, thanks for staying with us.", BenchJourneys.EmailTemplate.Id, "bench");
        var result = await channel.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Status != ChannelSendStatus.Sent)
        {
            throw new InvalidOperationException($"The channel did not take baseline message '{send.MessageId}': {result}.");
        }
    }
}

/// <summary>One baseline instance's send.</summary>
public sealed record BaselineSend(string MessageId, string ContactId, string To, string FirstName);

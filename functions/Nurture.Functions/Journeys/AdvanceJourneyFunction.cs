using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Journeys;

/// <summary><c>AdvanceJourney</c> on <c>journey-work</c>: one trigger for one journey instance per message.</summary>
public static class AdvanceJourneyFunction
{
    /// <summary>The catalog entry.</summary>
    public static QueueFunction Definition { get; } = new(
        FunctionNames.AdvanceJourney,
        new QueueTrigger(JourneyWorkQueue.QueueName),
        RunAsync);

    private static Task RunAsync(QueueTriggerMessage message, FunctionContext context)
    {
        // A message that is not a journey work message throws here and ends in journey-work-poison after the retries.
        var work = JourneyWorkMessage.Parse(message.Text);
        return context.Services.GetRequiredService<JourneyRunner>().AdvanceAsync(work, context.CancellationToken);
    }
}

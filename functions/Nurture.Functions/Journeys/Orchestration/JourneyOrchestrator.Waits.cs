using System.Text.Json;
using Microsoft.DurableTask;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Triggers;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Journeys.Orchestration;

public static partial class JourneyOrchestrator
{
    /// <summary>
    /// Waits for what moves the instance next: its timer raced against the next signal. A signal wait that loses to the
    /// timer stays registered for the next round, so no signal is ever skipped. A timer fires once: one that has fired
    /// (and changed nothing, as when the instance is paused) is not armed again, and a paused instance arms none; the
    /// decider handles a timer that fell due while paused on resume. Null when the signal carries nothing to decide.
    /// </summary>
    private static async Task<JourneyTrigger?> NextTriggerAsync(TaskOrchestrationContext context, JourneyState state, SignalWait signals)
    {
        signals.Pending ??= context.WaitForExternalEvent<JourneySignal>(JourneyOrchestration.SignalName);
        if (state.Timer is { } timer && state.Status != JourneyStatus.Paused && timer.TimerId != signals.FiredTimer)
        {
            using var stopTimer = new CancellationTokenSource();
            var fired = WaitUntilAsync(context, timer.DueAt.UtcDateTime, stopTimer.Token);
            if (await Task.WhenAny(signals.Pending, fired) == fired)
            {
                await fired;
                signals.FiredTimer = timer.TimerId;
                return new WakeUpTrigger(timer.TimerId, Now(context));
            }

            stopTimer.Cancel();
        }

        var signal = await signals.Pending;
        signals.Pending = null;
        return await ToTriggerAsync(context, signal);
    }

    /// <summary>Durable timers until <c>CurrentUtcDateTime</c> has reached <paramref name="dueUtc"/>: one that fires early is armed again.</summary>
    internal static async Task WaitUntilAsync(TaskOrchestrationContext context, DateTime dueUtc, CancellationToken cancellationToken)
    {
        while (context.CurrentUtcDateTime < dueUtc)
        {
            await context.CreateTimer(dueUtc, cancellationToken);
        }
    }

    private static async Task<JourneyTrigger?> ToTriggerAsync(TaskOrchestrationContext context, JourneySignal signal)
    {
        var now = Now(context);
        switch (signal.Kind)
        {
            case JourneySignalKind.Pause:
                return new PauseTrigger(now);
            case JourneySignalKind.Resume:
                return new ResumeTrigger(now);
            case JourneySignalKind.Cancel:
                return signal.Reason is { Length: > 0 } reason ? new CancelTrigger(now, reason) : new CancelTrigger(now);
            case JourneySignalKind.Event:
                var json = signal.EventJson;
                if (json is null && signal.StoredEvent is { } stored)
                {
                    // Too large to travel in the signal: read it from the contact's timeline. Gone means erased since,
                    // and an erased contact's event must not move anything.
                    json = await context.CallActivityAsync<string?>(nameof(JourneyActivities.LoadStoredEvent), stored, ActivityRetry);
                }

                return ParseEvent(json) is { } arrived ? new EventArrivedTrigger(arrived, now) : null;
            default:
                return null;
        }
    }

    // Signals are checked where they are raised; one that still does not parse is dropped rather than failing the instance.
    private static CanonicalEvent? ParseEvent(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CanonicalEvent>(json, JourneyJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>What an execution keeps across rounds of waiting: the signal wait and the last timer that fired.</summary>
    private sealed class SignalWait
    {
        public Task<JourneySignal>? Pending { get; set; }

        public string? FiredTimer { get; set; }
    }
}

using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.SendTime;

namespace Nurture.Core.Journeys.Decider;

/// <summary>The working set of one decision: evolving state, collected commands, the resolved time zone.</summary>
internal sealed class DecisionSession(JourneyDefinition definition, JourneyState state, DecisionContext context, DateTimeOffset now)
{
    private readonly List<JourneyCommand> _commands = [];
    private ResolvedZone? _zone;

    public JourneyDefinition Definition { get; } = definition;

    public DecisionContext Context { get; } = context;

    public DateTimeOffset Now { get; } = now;

    public JourneyState State { get; set; } = state;

    /// <summary>The contact as this decision sees it (profile updates made by the journey apply at once).</summary>
    public JourneyContact Contact { get; set; } = context.Contact;

    public SendPolicyOptions Policy => Context.Policy ?? SendPolicyOptions.Default;

    public SendTimeOptions SendTime => Context.SendTime ?? SendTimeOptions.Default;

    /// <summary>The contact's zone: the profile's, else inferred from their evidence, else the shop's, else UTC.</summary>
    public TimeZoneInfo Zone => ResolvedZone.Zone;

    /// <summary>Where <see cref="Zone"/> came from.</summary>
    public ZoneSource ZoneSource => ResolvedZone.Source;

    private ResolvedZone ResolvedZone
    {
        get
        {
            if (_zone is null)
            {
                _zone = SendTimeZones.Resolve(Contact.TimeZone, Contact.SendTime, Context.ShopSendTime, Now, SendTime);
                if (!string.IsNullOrWhiteSpace(Contact.TimeZone) && _zone.Source != ZoneSource.Profile)
                {
                    Record(HistoryKind.Note, $"unknown time zone '{Contact.TimeZone}', using {(_zone.Source == ZoneSource.Utc ? "UTC" : $"{_zone.Zone.Id} ({_zone.Source.ToString().ToLowerInvariant()})")}");
                }
            }

            return _zone;
        }
    }

    public void Add(JourneyCommand command) => _commands.Add(command);

    public void Record(HistoryKind kind, string message, string? nodeId = null, string? messageId = null) =>
        _commands.Add(new RecordHistory(new HistoryEntry(Now, kind, message, nodeId, messageId)));

    public void SetTimer(string nodeId, TimerPurpose purpose, DateTimeOffset dueAt, JourneyStatus status)
    {
        var timerId = JourneyIds.TimerId(nodeId, State.VisitsTo(nodeId), purpose, State.SendAttempt);
        State = State with { Status = status, Timer = new PendingTimer(timerId, dueAt, purpose, nodeId) };
        _commands.Add(new ScheduleWakeUp(State.InstanceId, timerId, dueAt));
    }

    public void End(JourneyStatus status, string reason)
    {
        State = State with { Status = status, EndedAt = Now, EndReason = reason, Timer = null, PausedFrom = null, HeldEvent = null };
        _commands.Add(new EndInstance(State.InstanceId, status, reason));
        Record(HistoryKind.Ended, $"{status.ToString().ToLowerInvariant()}: {reason}", State.CurrentNodeId);
    }

    public void RememberEvent(string eventId)
    {
        var seen = State.SeenEventIdsOrEmpty.Add(eventId);
        if (seen.Count > JourneyState.SeenEventLimit)
        {
            seen = seen.RemoveRange(0, seen.Count - JourneyState.SeenEventLimit);
        }

        State = State with { SeenEventIds = seen };
    }

    public DecisionResult Result() => new(State, _commands.ToList());
}

using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Journeys;

/// <summary>Log lines of the journey runner and event router (ids and counts only: no personal data).</summary>
internal static partial class JourneyLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning, Message = "Journey work for unknown instance {InstanceId} dropped")]
    public static partial void UnknownInstance(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Instance {InstanceId}: {Trigger} changed nothing")]
    public static partial void NoOp(ILogger logger, string instanceId, string trigger);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Debug, Message = "Instance {InstanceId} changed while deciding (attempt {Attempt}); deciding again")]
    public static partial void SaveConflict(ILogger logger, string instanceId, int attempt);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Instance {InstanceId} decision {Decision}: {Trigger} -> {Status}, {CommandCount} commands")]
    public static partial void Decided(ILogger logger, string instanceId, int decision, string trigger, string status, int commandCount);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Instance {InstanceId}: applying {CommandCount} commands left by an earlier attempt")]
    public static partial void ApplyingLeftover(ILogger logger, string instanceId, int commandCount);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Message {MessageId} not sent again: the ledger says {Outcome}")]
    public static partial void DuplicateSend(ILogger logger, string messageId, string outcome);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Message {MessageId} sent on {Channel}")]
    public static partial void Sent(ILogger logger, string messageId, string channel);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Message {MessageId} on {Channel} was already accepted by an attempt that died before recording it; not sent again")]
    public static partial void FoundAccepted(ILogger logger, string messageId, string channel);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Message {MessageId} failed for good: {Reason}")]
    public static partial void SendFailed(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Instance {InstanceId}: message {MessageId} is being sent by another attempt; trigger put back")]
    public static partial void SendInFlight(ILogger logger, string instanceId, string messageId);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Warning, Message = "Instance {InstanceId} ({Status}, {PendingCount} side effects unapplied) was stalled; {Trigger} sent")]
    public static partial void Nudged(ILogger logger, string instanceId, string status, int pendingCount, string trigger);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Instance {InstanceId}: event {EventId} is no longer on the contact's timeline (erased); trigger dropped")]
    public static partial void StoredEventGone(ILogger logger, string instanceId, string eventId);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Contact {ContactId} entered journey {JourneyId} version {Version} as instance {InstanceId}")]
    public static partial void Entered(ILogger logger, string contactId, string journeyId, int version, string instanceId);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Event {EventId} raised to {LiveCount} live instances and {JourneyCount} entry journeys")]
    public static partial void Routed(ILogger logger, string eventId, int liveCount, int journeyCount);
}

using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Journeys;

/// <summary>Log lines of journey instances and the event router (ids and counts only: no personal data).</summary>
internal static partial class JourneyLog
{
    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Message {MessageId} not sent again: the ledger says {Outcome}")]
    public static partial void DuplicateSend(ILogger logger, string messageId, string outcome);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Information, Message = "Message {MessageId} sent on {Channel}")]
    public static partial void Sent(ILogger logger, string messageId, string channel);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Message {MessageId} on {Channel} was already accepted by an attempt that died before recording it; not sent again")]
    public static partial void FoundAccepted(ILogger logger, string messageId, string channel);

    [LoggerMessage(EventId = 2017, Level = LogLevel.Warning, Message = "Message {MessageId} on {Channel} is sent again after an attempt died unrecorded: the provider answered {Answer} ({Reason}) and it may be sent twice")]
    public static partial void ResendingUnconfirmed(ILogger logger, string messageId, string channel, string answer, string reason);

    [LoggerMessage(EventId = 2012, Level = LogLevel.Warning, Message = "Message {MessageId} failed for good: {Reason}")]
    public static partial void SendFailed(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 2013, Level = LogLevel.Warning, Message = "Message {MessageId} was not taken now ({Reason}); the instance waits and tries again")]
    public static partial void SendRetrying(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Contact {ContactId} entered journey {JourneyId} version {Version} as instance {InstanceId}")]
    public static partial void Entered(ILogger logger, string contactId, string journeyId, int version, string instanceId);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Information, Message = "Instance {InstanceId} of journey {JourneyId} already exists; the start changed nothing")]
    public static partial void AlreadyStarted(ILogger logger, string instanceId, string journeyId);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Debug, Message = "Event {EventId} raised to {LiveCount} live instances and {JourneyCount} entry journeys")]
    public static partial void Routed(ILogger logger, string eventId, int liveCount, int journeyCount);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning, Message = "Event {EventId} was not raised to instance {InstanceId}: {Reason}")]
    public static partial void NotRaised(ILogger logger, string eventId, string instanceId, string reason);
}

using Microsoft.Extensions.Logging;

namespace Nurture.Channels.Sending;

/// <summary>The channels' log messages; never personal data (no addresses, numbers or bodies).</summary>
internal static partial class ChannelsLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "{Client} attempt failed (status {Status}, {Exception}); retry {Retry} in {Delay}")]
    public static partial void Retrying(ILogger logger, string client, int status, string exception, int retry, TimeSpan delay);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "{Provider} accepted message {MessageId} as {ProviderMessageId}")]
    public static partial void Accepted(ILogger logger, string provider, string messageId, string? providerMessageId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "{Provider} refused message {MessageId} for good: {ErrorCode} ({Failure}, recipient {Recipient})")]
    public static partial void Refused(ILogger logger, string provider, string messageId, string? errorCode, ChannelFailureKind failure, RecipientImpact recipient);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "{Provider} did not take message {MessageId} now: {Failure} {ErrorCode}, retry after {RetryAfter}, may have been accepted: {MayHaveBeenAccepted}")]
    public static partial void NotNow(ILogger logger, string provider, string messageId, ChannelFailureKind failure, string? errorCode, TimeSpan? retryAfter, bool mayHaveBeenAccepted);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "{Provider} acceptance check for message {MessageId}: {Answer} ({Reason})")]
    public static partial void Checked(ILogger logger, string provider, string messageId, AcceptanceAnswer answer, string reason);
}

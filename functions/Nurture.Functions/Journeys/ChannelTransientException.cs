namespace Nurture.Functions.Journeys;

/// <summary>The channel could not take a message now; the queue message is retried and the send resumed under the same id.</summary>
public sealed class ChannelTransientException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="messageId">The message.</param>
    /// <param name="detail">What the channel said (no personal data).</param>
    public ChannelTransientException(string messageId, string? detail)
        : base($"The channel could not take message '{messageId}' now: {detail ?? "no detail"}.")
    {
        MessageId = messageId;
    }

    /// <summary>The message.</summary>
    public string MessageId { get; }
}

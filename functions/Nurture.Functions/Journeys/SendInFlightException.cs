namespace Nurture.Functions.Journeys;

/// <summary>Another attempt holds the send ledger's reservation of a message: this attempt must not call the channel now.</summary>
public sealed class SendInFlightException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="messageId">The message.</param>
    public SendInFlightException(string messageId)
        : base($"Message '{messageId}' is being sent by another attempt.")
    {
        MessageId = messageId;
    }

    /// <summary>The message.</summary>
    public string MessageId { get; }
}

namespace Nurture.Functions.Catalog;

/// <summary>The message a queue function receives, with the metadata the Functions queue trigger binds.</summary>
/// <param name="QueueName">The queue it came from.</param>
/// <param name="MessageId">The message id.</param>
/// <param name="Text">The message text (decoded).</param>
/// <param name="DequeueCount">How many times it has been received, this time included.</param>
/// <param name="InsertedOn">When it was enqueued, when known.</param>
/// <param name="ExpiresOn">When it expires, when known.</param>
public sealed record QueueTriggerMessage(
    string QueueName,
    string MessageId,
    string Text,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn);

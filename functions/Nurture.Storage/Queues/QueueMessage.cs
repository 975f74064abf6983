namespace Nurture.Storage.Queues;

/// <summary>A received message: hidden until <see cref="NextVisibleOn"/>, deletable with <see cref="PopReceipt"/>.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset NextVisibleOn);

/// <summary>A message seen by peeking: no pop receipt, nothing changed.</summary>
public sealed record PeekedMessage(
    string MessageId,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset? ExpiresOn);

/// <summary>What the service answers to a put.</summary>
public sealed record SendReceipt(
    string MessageId,
    string PopReceipt,
    DateTimeOffset InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset NextVisibleOn);

/// <summary>What the service answers to an update: the pop receipt to use from now on.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);

using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;

namespace Nurture.Storage.Queues;

/// <summary>
/// What happens to a received message whose text is not base64 (put there by a client that did not encode it): it is
/// copied to <c>&lt;queue&gt;-poison</c> and deleted, the way the Functions queue trigger treats a message it cannot
/// read. Without this the SDK fails the whole receive, the batch comes back after its visibility timeout, and the
/// queue's good messages are stuck behind it for ever.
/// </summary>
public static class UndecodableMessages
{
    /// <summary>Suffix of the queue that receives messages that could not be processed.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Makes clients created with <paramref name="options"/> move undecodable messages to poison.</summary>
    /// <param name="options">Queue client options.</param>
    /// <param name="moved">Called after each move (to log it); gets the queue name and the message id.</param>
    public static void MoveToPoison(QueueClientOptions options, Action<string, string>? moved = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is not { } message)
            {
                // Peeks change nothing; the message is dealt with when it is received.
                return;
            }

            var poison = args.Queue.GetParentQueueServiceClient().GetQueueClient(args.Queue.Name + PoisonSuffix);
            await poison.CreateIfNotExistsAsync(cancellationToken: args.CancellationToken).ConfigureAwait(false);

            // Copy first, delete second: a crash in between leaves a duplicate in poison, never a loss.
            await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken).ConfigureAwait(false);
            try
            {
                await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 400)
            {
                // Gone or taken by another receiver meanwhile: whoever has it now deals with it.
            }

            moved?.Invoke(args.Queue.Name, message.MessageId);
        };
    }
}

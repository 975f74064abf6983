using System.Text.Json;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Functions.Journeys.Batches;

/// <summary>One message on <c>journey-batches</c>: process one page of a batch start.</summary>
/// <remarks>The message names the page only; the list page or the scan's continuation lives with the batch, so messages stay tiny.</remarks>
/// <param name="BatchId">The batch.</param>
/// <param name="Page">The page (from 0).</param>
public sealed record BatchPageMessage(string BatchId, int Page)
{
    /// <summary>The message text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JourneyJson.Options);

    /// <summary>Reads a message; <see cref="JsonException"/> when it is not one.</summary>
    /// <param name="text">The message text.</param>
    public static BatchPageMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = JsonSerializer.Deserialize<BatchPageMessage>(text, JourneyJson.Options)
            ?? throw new JsonException("A batch page message must be a JSON object.");
        if (string.IsNullOrEmpty(message.BatchId) || message.Page < 0)
        {
            throw new JsonException("A batch page message needs a batch_id and a page of 0 or more.");
        }

        return message;
    }
}

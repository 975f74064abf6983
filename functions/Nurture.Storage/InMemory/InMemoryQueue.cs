namespace Nurture.Storage.InMemory;

/// <summary>One in-memory queue's messages, guarded by <see cref="Gate"/>.</summary>
internal sealed class InMemoryQueue
{
    /// <summary>Held for every read or change of <see cref="Messages"/>.</summary>
    public Lock Gate { get; } = new();

    /// <summary>Messages in insertion order.</summary>
    public List<InMemoryQueueEntry> Messages { get; } = [];

    /// <summary>Insertion counter, the tie-breaker among messages visible at the same instant.</summary>
    public long NextSequence { get; set; }

    /// <summary>Drops expired messages, as the service does before it serves a queue. Call under <see cref="Gate"/>.</summary>
    public void RemoveExpired(DateTimeOffset now)
    {
        for (var i = Messages.Count - 1; i >= 0; i--)
        {
            if (Messages[i].ExpiresOn is { } expires && expires <= now)
            {
                Messages.RemoveAt(i);
            }
        }
    }

    /// <summary>The message with this id, or null. Call under <see cref="Gate"/>.</summary>
    public InMemoryQueueEntry? Find(string messageId)
    {
        foreach (var message in Messages)
        {
            if (message.MessageId == messageId)
            {
                return message;
            }
        }

        return null;
    }

    /// <summary>
    /// Up to <paramref name="count"/> messages visible at <paramref name="now"/>, earliest visible first and then in
    /// insertion order (the order Azurite serves). Call under <see cref="Gate"/>.
    /// </summary>
    public List<InMemoryQueueEntry> Visible(DateTimeOffset now, int count)
    {
        var visible = new List<InMemoryQueueEntry>();
        foreach (var message in Messages)
        {
            if (message.NextVisibleOn <= now)
            {
                visible.Add(message);
            }
        }

        visible.Sort(static (a, b) => a.NextVisibleOn != b.NextVisibleOn ? a.NextVisibleOn.CompareTo(b.NextVisibleOn) : a.Sequence.CompareTo(b.Sequence));
        if (visible.Count > count)
        {
            visible.RemoveRange(count, visible.Count - count);
        }

        return visible;
    }
}

namespace Nurture.Storage.InMemory;

/// <summary>One queue's messages in insertion order, guarded by one lock.</summary>
internal sealed class InMemoryQueue
{
    public object Gate { get; } = new();

    public List<Message> Messages { get; } = [];

    internal sealed class Message
    {
        public required string Id { get; init; }

        public required string Text { get; set; }

        public required DateTimeOffset InsertedOn { get; init; }

        public required DateTimeOffset? ExpiresOn { get; init; }

        public DateTimeOffset VisibleOn { get; set; }

        public long DequeueCount { get; set; }

        public string PopReceipt { get; set; } = string.Empty;
    }
}

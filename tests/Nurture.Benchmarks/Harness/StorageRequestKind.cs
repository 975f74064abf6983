namespace Nurture.Benchmarks.Harness;

/// <summary>What a storage request does, as far as its cost on the service goes.</summary>
public enum StorageRequestKind
{
    /// <summary>Read one entity by partition and row key.</summary>
    TablePointRead,

    /// <summary>A filtered table query (one page).</summary>
    TableQuery,

    /// <summary>Insert, update, upsert or delete of one entity.</summary>
    TableWrite,

    /// <summary>An entity group transaction.</summary>
    TableBatch,

    /// <summary>Put one queue message.</summary>
    QueueSend,

    /// <summary>Get (or peek) queue messages.</summary>
    QueueReceive,

    /// <summary>Delete one queue message.</summary>
    QueueDelete,

    /// <summary>Update one queue message's visibility or text.</summary>
    QueueUpdate,

    /// <summary>Anything else: creating tables and queues, listing, queue metadata.</summary>
    Other,
}

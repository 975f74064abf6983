namespace Nurture.Benchmarks.Storage;

/// <summary>What one storage benchmark row does; both sides implement each the same way.</summary>
public enum StorageOperation
{
    /// <summary>Insert-or-replace of one entity (fresh keys spread over 16 partitions); unit: an upsert.</summary>
    Upsert,

    /// <summary>An entity group transaction of upserts on one partition; unit: an entity.</summary>
    Batch,

    /// <summary>A point read by partition and row key of preloaded entities; unit: a get.</summary>
    PointGet,

    /// <summary>A query of one preloaded partition, read page by page to the end; unit: a row.</summary>
    Query,

    /// <summary>Put a message, get one, delete it; unit: a put+get+delete cycle.</summary>
    QueueCycle,
}

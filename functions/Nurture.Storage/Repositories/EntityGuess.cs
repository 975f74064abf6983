using Azure;
using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// What an <see cref="OptimisticUpdate"/> may take as the entity's current state instead of reading it first: nothing
/// (read as usual), that it is missing (the caller just created what it belongs to), or a copy the caller read moments
/// ago with its ETag. A wrong guess costs one failed write (409 or 412) and then a read; it never loses an update.
/// </summary>
public sealed class EntityGuess
{
    private EntityGuess(bool skipsRead, TableEntity? entity)
    {
        SkipsRead = skipsRead;
        Entity = entity;
    }

    /// <summary>No guess: read the entity first.</summary>
    public static EntityGuess None { get; } = new(false, null);

    /// <summary>The entity most likely does not exist: insert without reading.</summary>
    public static EntityGuess Missing { get; } = new(true, null);

    /// <summary>True when the first attempt does without a read.</summary>
    public bool SkipsRead { get; }

    /// <summary>The entity as last read, or null for <see cref="Missing"/> and <see cref="None"/>.</summary>
    public TableEntity? Entity { get; }

    /// <summary>The entity as the caller just read it; it must carry the ETag it was read with.</summary>
    public static EntityGuess Known(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.ETag == default)
        {
            throw new ArgumentException("The entity carries no ETag; pass one read from storage.", nameof(entity));
        }

        return new EntityGuess(true, entity);
    }
}

namespace Nurture.Storage.Tables;

/// <summary>How a write treats the properties already stored.</summary>
public enum TableUpdateMode
{
    /// <summary>The stored entity becomes exactly the entity sent.</summary>
    Replace,

    /// <summary>Properties sent overwrite stored ones; others stay.</summary>
    Merge,
}

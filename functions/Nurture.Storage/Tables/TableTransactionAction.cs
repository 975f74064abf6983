namespace Nurture.Storage.Tables;

/// <summary>What one operation of an entity group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Add,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Replace an existing entity (If-Match: the action's ETag, or <c>*</c>).</summary>
    UpdateReplace,

    /// <summary>Merge into an existing entity (If-Match: the action's ETag, or <c>*</c>).</summary>
    UpdateMerge,

    /// <summary>Delete an existing entity (If-Match: the action's ETag, or <c>*</c>).</summary>
    Delete,
}

/// <summary>One operation of an entity group transaction.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (only its keys matter for a delete).</param>
/// <param name="ETag">For update and delete: the ETag to match; null means any (<c>*</c>).</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, string? ETag = null);

namespace Nurture.Core.Journeys.Conditions;

/// <summary>Comparison operators. Stored by name: never rename a member.</summary>
public enum ConditionOperator
{
    /// <summary>Equal (numbers numerically, text ordinally, booleans).</summary>
    Eq,

    /// <summary>Not equal, or missing.</summary>
    Ne,

    /// <summary>Greater than (numbers, or ISO 8601 timestamps).</summary>
    Gt,

    /// <summary>Greater than or equal.</summary>
    Ge,

    /// <summary>Less than.</summary>
    Lt,

    /// <summary>Less than or equal.</summary>
    Le,

    /// <summary>Text contains the operand (ordinal, case-insensitive) or an array contains an equal element.</summary>
    Contains,

    /// <summary>The path resolves to a non-null value.</summary>
    Exists,

    /// <summary>The value equals one element of the operand array.</summary>
    In,
}

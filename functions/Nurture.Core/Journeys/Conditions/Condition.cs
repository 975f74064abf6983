using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nurture.Core.Journeys.Conditions;

/// <summary>
/// A small condition language over the contact and events. Exactly one form is set: <c>all</c>, <c>any</c>,
/// <c>not</c>, or a comparison (<c>path</c>, <c>op</c>, <c>value</c>).
/// </summary>
/// <remarks>
/// Paths start with a root: <c>event.</c> (the event being evaluated, or the entry event in branches),
/// <c>trigger.</c> (the instance's entry event), <c>last_event.</c> (the event that last resumed a wait) or
/// <c>contact.</c> (see <see cref="ConditionScope"/>). A missing value makes every operator false except
/// <c>ne</c> and a negated <c>exists</c>.
/// </remarks>
/// <param name="All">True when every child holds (and when empty).</param>
/// <param name="Any">True when at least one child holds.</param>
/// <param name="Not">True when the child does not hold.</param>
/// <param name="Path">Rooted property path of a comparison.</param>
/// <param name="Op">Comparison operator.</param>
/// <param name="Value">Comparison operand (an array for <c>in</c>; unused for <c>exists</c>).</param>
public sealed record Condition(
    IReadOnlyList<Condition>? All = null,
    IReadOnlyList<Condition>? Any = null,
    Condition? Not = null,
    string? Path = null,
    ConditionOperator? Op = null,
    JsonElement? Value = null)
{
    /// <summary>A comparison.</summary>
    /// <param name="path">Rooted path.</param>
    /// <param name="op">Operator.</param>
    /// <param name="value">Operand as a JSON literal, e.g. <c>50</c> or <c>"vip"</c>.</param>
    public static Condition Compare(string path, ConditionOperator op, string? value = null) =>
        new(Path: path, Op: op, Value: value is null ? null : JsonSerializer.Deserialize<JsonElement>(value));

    /// <summary>How many of the forms are set; a valid condition has exactly one.</summary>
    [JsonIgnore]
    public int FormCount =>
        (All is null ? 0 : 1) + (Any is null ? 0 : 1) + (Not is null ? 0 : 1) + (Path is null && Op is null ? 0 : 1);
}

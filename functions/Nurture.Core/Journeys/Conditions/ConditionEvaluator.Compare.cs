using System.Globalization;
using System.Text.Json;

namespace Nurture.Core.Journeys.Conditions;

public static partial class ConditionEvaluator
{
    private static bool Compare(JsonElement? actual, ConditionOperator op, JsonElement? operand)
    {
        switch (op)
        {
            case ConditionOperator.Exists:
                return actual is not null;
            case ConditionOperator.Ne:
                return actual is not { } a || operand is not { } o || !ValuesEqual(a, o);
        }

        if (actual is not { } value || operand is not { } expected)
        {
            return false;
        }

        return op switch
        {
            ConditionOperator.Eq => ValuesEqual(value, expected),
            ConditionOperator.Gt => Order(value, expected) is > 0,
            ConditionOperator.Ge => Order(value, expected) is >= 0,
            ConditionOperator.Lt => Order(value, expected) is < 0,
            ConditionOperator.Le => Order(value, expected) is <= 0,
            ConditionOperator.Contains => Contains(value, expected),
            ConditionOperator.In => expected.ValueKind == JsonValueKind.Array && expected.EnumerateArray().Any(e => ValuesEqual(value, e)),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
        };
    }

    /// <summary>Equality across JSON kinds: numbers (also numeric text) numerically, text ordinally, booleans.</summary>
    /// <param name="left">One value.</param>
    /// <param name="right">The other.</param>
    public static bool ValuesEqual(JsonElement left, JsonElement right)
    {
        if (AsNumber(left) is { } l && AsNumber(right) is { } r)
        {
            return l == r;
        }

        if (left.ValueKind is JsonValueKind.True or JsonValueKind.False && right.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return left.ValueKind == right.ValueKind;
        }

        return left.ValueKind == JsonValueKind.String && right.ValueKind == JsonValueKind.String
            && string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal);
    }

    private static int? Order(JsonElement left, JsonElement right)
    {
        if (AsNumber(left) is { } l && AsNumber(right) is { } r)
        {
            return l.CompareTo(r);
        }

        if (AsTimestamp(left) is { } lt && AsTimestamp(right) is { } rt)
        {
            return lt.CompareTo(rt);
        }

        return null;
    }

    private static bool Contains(JsonElement value, JsonElement expected) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Any(e => ValuesEqual(e, expected)),
        JsonValueKind.String when expected.ValueKind == JsonValueKind.String =>
            value.GetString()!.Contains(expected.GetString()!, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static decimal? AsNumber(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out var number))
        {
            return number;
        }

        // Shop platforms send money as text ("55.00"), so numeric text compares as a number.
        if (element.ValueKind == JsonValueKind.String
            && decimal.TryParse(element.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        return null;
    }

    private static DateTimeOffset? AsTimestamp(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;
}

using System.Globalization;
using System.Text;

namespace Nurture.Storage.Tables;

/// <summary>
/// An OData <c>$filter</c> expression built from values, never from concatenated input: every
/// literal is formatted and escaped here, and property names are checked, so a value can never
/// change the shape of the filter (OData injection).
/// </summary>
public readonly record struct TableFilter
{
    private TableFilter(string expression) => Expression = expression;

    /// <summary>The filter text as sent in <c>$filter</c>.</summary>
    public string Expression { get; }

    /// <summary><c>PartitionKey eq value</c>.</summary>
    public static TableFilter PartitionKeyEquals(string partitionKey) => Equal("PartitionKey", partitionKey);

    /// <summary><c>property eq value</c>.</summary>
    public static TableFilter Equal(string property, object value) => Compare(property, "eq", value);

    /// <summary><c>property ne value</c>.</summary>
    public static TableFilter NotEqual(string property, object value) => Compare(property, "ne", value);

    /// <summary><c>property gt value</c>.</summary>
    public static TableFilter GreaterThan(string property, object value) => Compare(property, "gt", value);

    /// <summary><c>property ge value</c>.</summary>
    public static TableFilter GreaterThanOrEqual(string property, object value) => Compare(property, "ge", value);

    /// <summary><c>property lt value</c>.</summary>
    public static TableFilter LessThan(string property, object value) => Compare(property, "lt", value);

    /// <summary><c>property le value</c>.</summary>
    public static TableFilter LessThanOrEqual(string property, object value) => Compare(property, "le", value);

    /// <summary>Rows whose string property starts with the prefix (a range, the way the service indexes).</summary>
    public static TableFilter StartsWith(string property, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return GreaterThanOrEqual(property, string.Empty);
        }

        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return GreaterThanOrEqual(property, prefix) & LessThan(property, upper);
    }

    /// <summary>
    /// Builds a filter from an interpolated string whose holes are values, each formatted as an
    /// escaped literal: <c>TableFilter.Create($"PartitionKey eq {pk} and Total gt {amount}")</c>.
    /// </summary>
    public static TableFilter Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(a => (object)FormatLiteral(a ?? throw new ArgumentException("A filter value is null; test for absence with a separate query.", nameof(filter)))).ToArray();
        return new TableFilter(string.Format(CultureInfo.InvariantCulture, filter.Format, args));
    }

    /// <summary>Both filters.</summary>
    public static TableFilter operator &(TableFilter left, TableFilter right) => new($"({left.Expression}) and ({right.Expression})");

    /// <summary>Either filter.</summary>
    public static TableFilter operator |(TableFilter left, TableFilter right) => new($"({left.Expression}) or ({right.Expression})");

    /// <summary>The negation.</summary>
    public static TableFilter operator !(TableFilter filter) => new($"not ({filter.Expression})");

    /// <summary>Both filters (named form of <c>&amp;</c>).</summary>
    public TableFilter And(TableFilter other) => this & other;

    /// <summary>Either filter (named form of <c>|</c>).</summary>
    public TableFilter Or(TableFilter other) => this | other;

    /// <inheritdoc />
    public override string ToString() => Expression;

    /// <summary>Formats a value as an OData literal: strings quoted with quotes doubled, typed prefixes for the rest.</summary>
    public static string FormatLiteral(object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when double.IsFinite(d) => FormatDouble(d),
        double d => throw new ArgumentException($"{d} cannot be used in a filter.", nameof(value)),
        DateTimeOffset dto => "datetime'" + TableWireFormat.FormatDateTime(dto) + "'",
        DateTime dt => FormatLiteral(TableValue.Normalize("value", dt)),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot be used in a filter.", nameof(value)),
    };

    private static TableFilter Compare(string property, string op, object value)
    {
        TableLimits.ValidateFilterProperty(property);
        ArgumentNullException.ThrowIfNull(value);
        return new TableFilter(new StringBuilder(property).Append(' ').Append(op).Append(' ').Append(FormatLiteral(value)).ToString());
    }

    private static string FormatDouble(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        // A whole number would parse as Int32 on the service; keep it a double.
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}

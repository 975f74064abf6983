using Azure.Data.Tables;

namespace Nurture.Storage.Tables;

/// <summary>
/// OData filters built only with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>, which formats and escapes
/// every value, so input can never change a filter's shape; the helpers here combine such filters.
/// </summary>
public static class TableFilters
{
    /// <summary><c>PartitionKey eq value</c>.</summary>
    public static string Partition(string partitionKey) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

    /// <summary>
    /// Rows whose string property starts with <paramref name="prefix"/>: the range [prefix, prefix with its last character
    /// incremented), the form the service can serve from its index. The property name is ours, never input.
    /// </summary>
    public static string StartsWith(string property, string prefix)
    {
        TableLimits.ValidateFilterProperty(property);
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return $"{property} ge {Literal(string.Empty)}";
        }

        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return $"{property} ge {Literal(prefix)} and {property} lt {Literal(upper)}";
    }

    /// <summary>Both filters.</summary>
    public static string And(string left, string right) => $"({left}) and ({right})";

    /// <summary>Either filter.</summary>
    public static string Or(string left, string right) => $"({left}) or ({right})";

    private static string Literal(string value) => TableClient.CreateQueryFilter($"{value}");
}

using System.Globalization;
using System.Text;

namespace Nurture.Functions.Reports;

/// <summary>Builds one RFC 4180 CSV line: fields quoted when they hold a comma, a quote or a line break; invariant numbers; empty for null.</summary>
internal sealed class CsvLine
{
    private readonly StringBuilder _line = new();

    /// <summary>Adds a text field.</summary>
    public CsvLine Add(string? value)
    {
        if (_line.Length > 0)
        {
            _line.Append(',');
        }

        var text = value ?? string.Empty;
        if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            _line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            _line.Append(text);
        }

        return this;
    }

    /// <summary>Adds an empty field.</summary>
    public CsvLine Empty() => Add((string?)null);

    /// <summary>Adds a count.</summary>
    public CsvLine Add(int? value) => Add(value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a ratio or a statistic, round-trippable.</summary>
    public CsvLine Add(double? value) => Add(value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds an amount, to the cent.</summary>
    public CsvLine Add(decimal? value) => Add(value?.ToString("0.##", CultureInfo.InvariantCulture));

    /// <summary>The line with its RFC 4180 line end.</summary>
    public override string ToString() => _line.Append("\r\n").ToString();
}

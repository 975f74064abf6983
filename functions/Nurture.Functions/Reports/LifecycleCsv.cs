using System.Text;
using Nurture.Core.Metrics.Scoring;
using Nurture.Functions.Http;

namespace Nurture.Functions.Reports;

/// <summary>
/// The lifecycle report as CSV, one table: a line per lifecycle stage (<c>stage</c>), per RFM segment
/// (<c>segment</c>, with its net revenue) and per R×F cell (<c>rfm</c>, with its scores); names as the JSON writes them.
/// </summary>
public static class LifecycleCsv
{
    /// <summary>The header line's columns.</summary>
    public const string Header = "group,name,recency,frequency,contacts,net_revenue";

    /// <summary>The report as CSV (RFC 4180 line ends).</summary>
    public static string Write(LifecycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var stage in report.Stages)
        {
            csv.Append(new CsvLine().Add("stage").Add(ApiJson.EnumName(stage.Stage)).Empty().Empty().Add(stage.Contacts).Empty());
        }

        foreach (var segment in report.Segments)
        {
            csv.Append(new CsvLine().Add("segment").Add(ApiJson.EnumName(segment.Segment)).Empty().Empty().Add(segment.Contacts).Add(segment.NetRevenue));
        }

        foreach (var cell in report.RecencyFrequency)
        {
            csv.Append(new CsvLine().Add("rfm").Empty().Add(cell.Recency).Add(cell.Frequency).Add(cell.Contacts).Empty());
        }

        return csv.ToString();
    }
}

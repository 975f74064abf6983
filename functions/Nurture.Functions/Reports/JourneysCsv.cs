using System.Text;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Statistics;
using Nurture.Functions.Http;

namespace Nurture.Functions.Reports;

/// <summary>
/// The campaign report as CSV, in two tables: the funnels (a line per total, journey, version, step and variant) and
/// the uplift (a line per split comparison and send-time rate, with its interval and verdict).
/// </summary>
public static class JourneysCsv
{
    /// <summary>The funnels table's columns.</summary>
    public const string FunnelsHeader = "level,journey_id,version,node_id,channel,variant,entered,recipients,sent,emails_sent,sms_sent,delivered,human_opened,machine_opened,clicked,unsubscribed,bounced,spam_reported,conversions,converted_recipients,new_customers,revenue,open_rate,click_through_rate,conversion_rate";

    /// <summary>The uplift table's columns: n and value are trials and rate for rates, contacts and mean for revenue per contact.</summary>
    public const string UpliftHeader = "experiment,journey_id,version,node_id,metric,treatment,baseline,treatment_n,treatment_value,baseline_n,baseline_value,difference,low,high,verdict,more_treatment,more_baseline";

    /// <summary>The funnels, totals first, then each journey with its versions, steps and variants.</summary>
    public static string WriteFunnels(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(FunnelsHeader).Append("\r\n");
        csv.Append(Funnel("total", null, null, null, null, null, report.Totals));
        foreach (var journey in report.Journeys)
        {
            csv.Append(Funnel("journey", journey.JourneyId, null, null, null, null, journey.Funnel));
            foreach (var version in journey.Versions)
            {
                csv.Append(Funnel("version", journey.JourneyId, version.Version, null, null, null, version.Funnel));
                foreach (var variant in version.Variants)
                {
                    csv.Append(Funnel("variant", journey.JourneyId, version.Version, null, null, variant.Variant, variant.Funnel));
                }

                foreach (var step in version.Steps)
                {
                    var channel = ApiJson.EnumName(step.Channel);
                    csv.Append(Funnel("step", journey.JourneyId, version.Version, step.NodeId, channel, null, step.Funnel));
                    foreach (var variant in step.Variants)
                    {
                        csv.Append(Funnel("step_variant", journey.JourneyId, version.Version, step.NodeId, channel, variant.Variant, variant.Funnel));
                    }
                }
            }
        }

        return csv.ToString();
    }

    /// <summary>The uplift: every split's comparisons, then the send-time experiment over all journeys and per journey.</summary>
    public static string WriteUplift(CampaignReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(UpliftHeader).Append("\r\n");
        foreach (var journey in report.Journeys)
        {
            foreach (var version in journey.Versions)
            {
                foreach (var split in version.Splits)
                {
                    foreach (var comparison in split.Comparisons)
                    {
                        var start = new Key("split", journey.JourneyId, version.Version, split.SplitNodeId, comparison.Variant, comparison.Baseline);
                        csv.Append(Proportion(start, "conversion", comparison.Conversion));
                        csv.Append(Mean(start, "revenue_per_contact", comparison.RevenuePerContact));
                    }
                }
            }
        }

        csv.Append(SendTime(null, report.SendTime));
        foreach (var journey in report.Journeys)
        {
            csv.Append(SendTime(journey.JourneyId, journey.SendTime));
        }

        return csv.ToString();
    }

    private static string SendTime(string? journeyId, SendTimeExperiment? experiment)
    {
        if (experiment is null)
        {
            return string.Empty;
        }

        var key = new Key("send_time", journeyId, null, null, "optimized", "control");
        var lines = new StringBuilder();
        if (experiment.OpenRate is { } open)
        {
            lines.Append(Proportion(key, "open", open));
        }

        return lines.Append(Proportion(key, "click", experiment.ClickRate)).Append(Proportion(key, "conversion", experiment.ConversionRate)).ToString();
    }

    private static string Funnel(string level, string? journeyId, int? version, string? nodeId, string? channel, string? variant, FunnelMetrics funnel) =>
        new CsvLine().Add(level).Add(journeyId).Add(version).Add(nodeId).Add(channel).Add(variant)
            .Add(funnel.Entered).Add(funnel.Recipients).Add(funnel.Sent).Add(funnel.EmailsSent).Add(funnel.SmsSent).Add(funnel.Delivered)
            .Add(funnel.HumanOpened).Add(funnel.MachineOpened).Add(funnel.Clicked).Add(funnel.Unsubscribed).Add(funnel.Bounced).Add(funnel.SpamReported)
            .Add(funnel.Conversions).Add(funnel.ConvertedRecipients).Add(funnel.NewCustomers).Add(funnel.Revenue)
            .Add(funnel.OpenRate).Add(funnel.ClickThroughRate).Add(funnel.ConversionRate).ToString();

    private static string Proportion(Key key, string metric, ProportionComparison comparison) =>
        key.Start(metric)
            .Add(comparison.Treatment.Trials).Add(comparison.Treatment.Rate).Add(comparison.Baseline.Trials).Add(comparison.Baseline.Rate)
            .Add(comparison.Difference).Add(comparison.Interval.Low).Add(comparison.Interval.High)
            .Add(ApiJson.EnumName(comparison.Verdict)).Add(comparison.SampleStillNeeded?.Treatment).Add(comparison.SampleStillNeeded?.Baseline).ToString();

    private static string Mean(Key key, string metric, MeanComparison comparison) =>
        key.Start(metric)
            .Add(comparison.TreatmentCount).Add(comparison.TreatmentMean).Add(comparison.BaselineCount).Add(comparison.BaselineMean)
            .Add(comparison.Difference).Add(comparison.Interval?.Low).Add(comparison.Interval?.High)
            .Add(ApiJson.EnumName(comparison.Verdict)).Add(comparison.SampleStillNeeded?.Treatment).Add(comparison.SampleStillNeeded?.Baseline).ToString();

    private sealed record Key(string Experiment, string? JourneyId, int? Version, string? NodeId, string Treatment, string Baseline)
    {
        public CsvLine Start(string metric) => new CsvLine().Add(Experiment).Add(JourneyId).Add(Version).Add(NodeId).Add(metric).Add(Treatment).Add(Baseline);
    }
}

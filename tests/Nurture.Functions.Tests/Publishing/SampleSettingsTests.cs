using System.Reflection;
using System.Text.Json;
using Nurture.Channels.Sending;
using Nurture.Channels.Sending.SendGrid;
using Nurture.Channels.Sending.Shops;
using Nurture.Channels.Sending.Twilio;
using Nurture.Channels.Unsubscribe;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Metrics.Retention;
using Nurture.Core.Metrics.Scoring;
using Nurture.Core.Metrics.Statistics;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.Reports;
using Nurture.Functions.SendTime;
using Nurture.LocalHost.Hosting;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Timers;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Publishing;

/// <summary>
/// <c>local.settings.sample.json</c> is where a newcomer learns what can be set: every plain setting of every options
/// class the app and the local host bind is listed there, and nothing is listed that no options class reads.
/// </summary>
public sealed class SampleSettingsTests
{
    /// <summary>The bound options classes and their configuration sections.</summary>
    private static readonly (Type Options, string Section)[] Bound =
    [
        (typeof(IngestionOptions), IngestionOptions.Section),
        (typeof(ProfileOptions), ProfileOptions.SectionName),
        (typeof(JourneyOptions), JourneyOptions.Section),
        (typeof(SendPolicySettings), SendPolicySettings.Section),
        (typeof(LocalHostOptions), LocalHostOptions.Section),
        (typeof(TimerSchedulerOptions), TimerSchedulerOptions.Section),
        (typeof(FunctionKeysOptions), FunctionKeysOptions.Section),
        (typeof(ChannelOptions), ChannelOptions.SectionName),
        (typeof(SendGridOptions), SendGridOptions.SectionName),
        (typeof(TwilioOptions), TwilioOptions.SectionName),
        (typeof(UnsubscribeOptions), UnsubscribeOptions.SectionName),
        (typeof(ShopSendTimeOptions), ShopSendTimeOptions.Section),
        (typeof(SendTimeOptions), SendTimeOptions.SectionName),
        (typeof(ReportOptions), ReportOptions.Section),
        (typeof(RetentionSettings), RetentionSettings.SectionName),
        (typeof(ScoringSettings), ScoringSettings.SectionName),
        (typeof(CampaignSettings), CampaignSettings.SectionName),
        (typeof(ExperimentSettings), ExperimentSettings.SectionName),
        (typeof(CampaignCosts), CampaignCosts.SectionName),
        (typeof(PortraitSettings), PortraitSettings.SectionName),
    ];

    /// <summary>Maps the sample shows by one example entry: the map's setting, the example's key, the entry's type.</summary>
    private static readonly (string Map, string Key, Type Entry)[] MapExamples =
    [
        ("Channels__Shops", ShopKeys.Default, typeof(ShopChannelSettings)),
    ];

    /// <summary>Properties that are not plain settings, each with why the sample leaves it out.</summary>
    private static readonly Dictionary<string, string> LeftOut = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Ingestion__Shops"] = "a list of per-shop secrets (documented in the README)",
        ["Channels__Shops"] = "a map of sender settings keyed by shop domain; the sample shows its 'default' entry",
        ["Profiles__EngagementWeights"] = "a map of event weights with built-in defaults",
        ["Profiles__DefaultCallingCode"] = "taken from Ingestion__DefaultCallingCode",
        ["Host__InstanceId"] = "taken from WEBSITE_INSTANCE_ID or the machine name",
        ["Timers__TimeZone"] = "taken from WEBSITE_TIME_ZONE",
        ["FunctionKeys__Functions"] = "a map of per-function keys",
        ["Channels__SendGrid__Retry"] = "nested provider retry settings (ProviderRetryOptions) with defaults",
        ["Channels__Twilio__Retry"] = "nested provider retry settings (ProviderRetryOptions) with defaults",
        ["Channels__SendGrid__UnsubscribeGroupId"] = "optional: a SendGrid unsubscribe group, none by default",
        ["Channels__Twilio__ApiKeySid"] = "optional: an API key instead of the auth token",
        ["Channels__Twilio__ApiKeySecret"] = "optional: an API key instead of the auth token",
        ["Channels__Twilio__FromNumber"] = "optional: a sender number instead of the Messaging Service",
        ["Channels__Unsubscribe__PreviousSecrets"] = "a list, for rotating the unsubscribe secret",
        ["Channels__Unsubscribe__MailtoAddress"] = "optional: a mailto: address for List-Unsubscribe",
        ["Metrics__Scoring__PurchaseCycle"] = "optional: a fixed purchase cycle instead of the one measured from the shop's buyers",
        ["Metrics__Scoring__DormantAfter"] = "optional: a fixed dormant threshold instead of DormantAfterCycles purchase cycles",
        ["Metrics__Scoring__ChurnedAfter"] = "optional: a fixed churned threshold instead of ChurnedAfterCycles purchase cycles",
        ["Metrics__Experiments__Z"] = "computed from ConfidenceLevel, not a setting",
        ["Metrics__Costs__PerEmail"] = "optional: the cost of one email, for ROMI and CAC (none by default)",
        ["Metrics__Costs__PerSms"] = "optional: the cost of one SMS, for ROMI and CAC (none by default)",
        ["Metrics__Costs__PerJourney"] = "a map of fixed costs per journey id (documented in the metrics README)",
    };

    /// <summary>Settings the sample lists that no options class binds: the runtime's and the platform's own.</summary>
    private static readonly HashSet<string> PlatformSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "AzureWebJobsStorage",
        "FUNCTIONS_WORKER_RUNTIME",
        "WEBSITE_TIME_ZONE",
        "AZURE_FUNCTIONS_ENVIRONMENT",
    };

    [Fact]
    public void Sample_ListsEveryPlainSettingTheAppBinds()
    {
        var listed = SampleValues();
        var missing = BoundSettings().Where(name => !listed.Contains(name) && !LeftOut.ContainsKey(name)).ToList();

        Assert.True(missing.Count == 0, "Not in local.settings.sample.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Sample_ListsNothingTheAppDoesNotRead()
    {
        var bound = BoundSettings().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unread = SampleValues().Where(name => !bound.Contains(name) && !PlatformSettings.Contains(name)).ToList();

        Assert.True(unread.Count == 0, "In local.settings.sample.json but read by no options class: " + string.Join(", ", unread));
    }

    [Fact]
    public void Sample_RunsTheIsolatedWorker()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(SamplePath()));

        Assert.Equal("dotnet-isolated", sample.RootElement.GetProperty("Values").GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
    }

    private static IEnumerable<string> BoundSettings() =>
        Bound.SelectMany(b => b.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => b.Section.Replace(":", "__", StringComparison.Ordinal) + "__" + p.Name))
            .Concat(MapExamples.SelectMany(m => m.Entry.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => m.Map + "__" + m.Key + "__" + p.Name)));

    private static HashSet<string> SampleValues()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(SamplePath()));
        return sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static string SamplePath() => Path.Combine(NodeScript.RepositoryRoot(), "local.settings.sample.json");
}

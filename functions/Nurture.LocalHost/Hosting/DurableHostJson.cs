using System.Globalization;
using Microsoft.Extensions.Configuration;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Metadata;

namespace Nurture.LocalHost.Hosting;

/// <summary>
/// Carries host.json's <c>extensions.durableTask</c> into <see cref="DurableEngineOptions"/>: <c>hubName</c> (with
/// <c>%Setting%</c> resolved), <c>maxConcurrentActivityFunctions</c>, <c>maxConcurrentOrchestratorFunctions</c> and
/// <c>storageProvider</c>'s <c>partitionCount</c>, <c>controlQueueVisibilityTimeout</c>,
/// <c>workItemQueueVisibilityTimeout</c> and <c>maxQueuePollingInterval</c>. Keys host.json leaves out keep the
/// engine's local defaults.
/// </summary>
internal static class DurableHostJson
{
    /// <summary>The section.</summary>
    public const string Section = HostJsonConfiguration.HostJsonSection + ":extensions:durableTask";

    /// <summary>Applies the section to <paramref name="options"/>; a malformed value fails naming its key.</summary>
    public static void Apply(DurableEngineOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section["hubName"] is { Length: > 0 } hub)
        {
            options.HubName = BindingExpressions.Resolve(hub, configuration);
        }

        options.MaxConcurrentActivities = Int(section, "maxConcurrentActivityFunctions") ?? options.MaxConcurrentActivities;
        options.MaxConcurrentOrchestrations = Int(section, "maxConcurrentOrchestratorFunctions") ?? options.MaxConcurrentOrchestrations;
        var provider = section.GetSection("storageProvider");
        options.PartitionCount = Int(provider, "partitionCount") ?? options.PartitionCount;
        options.ControlQueueVisibilityTimeout = Time(provider, "controlQueueVisibilityTimeout") ?? options.ControlQueueVisibilityTimeout;
        options.WorkItemQueueVisibilityTimeout = Time(provider, "workItemQueueVisibilityTimeout") ?? options.WorkItemQueueVisibilityTimeout;
        options.MaxQueuePollingInterval = Time(provider, "maxQueuePollingInterval") ?? options.MaxQueuePollingInterval;
    }

    private static int? Int(IConfigurationSection section, string key) => section[key] is { Length: > 0 } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(section, key, text, "a whole number")
        : null;

    private static TimeSpan? Time(IConfigurationSection section, string key) => section[key] is { Length: > 0 } text
        ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Malformed(section, key, text, "a time span (hh:mm:ss)")
        : null;

    private static InvalidOperationException Malformed(IConfigurationSection section, string key, string text, string expected) =>
        new($"host.json {section.Path[(HostJsonConfiguration.HostJsonSection.Length + 1)..].Replace(':', '.')}.{key} is '{text}'; use {expected}.");
}

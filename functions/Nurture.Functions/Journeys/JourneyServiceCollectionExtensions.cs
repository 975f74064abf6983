using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending;
using Nurture.Core.Journeys.Policies;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys.Batches;
using Nurture.Functions.Journeys.Orchestration;
using Nurture.Functions.SendTime;
using Nurture.Functions.Templates;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Registers the services of journeys: stores, the instances' activities, the starter, the event router, batch starts and what the marketer endpoints use.</summary>
public static class JourneyServiceCollectionExtensions
{
    /// <summary>
    /// Adds journeys. Register an <see cref="IMessageChannel"/>, <see cref="IJourneyContactSource"/> or
    /// <see cref="SendPolicyOptions"/> first to replace the defaults (outbox, stored profiles, the policies configured
    /// under <c>Journeys:SendPolicy</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddJourneys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<JourneyOptions>().BindConfiguration(JourneyOptions.Section)
            .Validate(o => o.SendAttemptLease >= TimeSpan.FromSeconds(1) && o.SendAttemptLease <= TimeSpan.FromHours(1), "Journeys:SendAttemptLease must be between 00:00:01 and 01:00:00.")
            .Validate(o => o.FirstSendRetry > TimeSpan.Zero && o.LongestSendRetry >= o.FirstSendRetry, "Journeys:FirstSendRetry must be positive and Journeys:LongestSendRetry at least as long.")
            .Validate(o => o.SendRetryLimit >= o.FirstSendRetry, "Journeys:SendRetryLimit must be at least Journeys:FirstSendRetry.")
            .Validate(o => o.DecisionsPerExecution is >= 1 and <= 1000, "Journeys:DecisionsPerExecution must be between 1 and 1000.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SendPolicySettings>().BindConfiguration(SendPolicySettings.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendPolicySettings>, SendPolicySettingsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SendPolicySettings>>().Value.ToPolicy());
        services.TryAddSingleton(sp => new JourneyStorage(
            sp.GetRequiredService<IStorageAccounts>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<JourneyOptions>>().Value));
        services.TryAddSingleton<IMessageChannel>(sp => sp.GetRequiredService<JourneyStorage>().Outbox);
        services.TryAddSingleton<IJourneyContactSource, ProfileContactSource>();
        services.TryAddSingleton(sp => new MessageComposer(
            sp.GetRequiredService<JourneyStorage>().Templates,
            sp.GetService<IOptions<ChannelOptions>>()?.Value ?? new ChannelOptions(),
            sp.GetRequiredService<JourneyStorage>().Ledger));
        services.TryAddSingleton<JourneyStarter>();
        services.TryAddSingleton<JourneyContactFinder>();
        services.TryAddSingleton<JourneySignals>();
        services.AddSendTime();
        services.TryAddSingleton<JourneyContextLoader>();
        services.TryAddSingleton<JourneyDecisionApplier>();
        services.TryAddSingleton<JourneyContactEraser>();
        services.TryAddSingleton<JourneyEventRouter>();
        services.AddOptions<JourneyBatchOptions>().BindConfiguration(JourneyBatchOptions.Section)
            .Configure<IConfiguration>((o, c) =>
            {
                // The local host reads host.json into configuration; in Azure an app setting of this name can say it.
                if (int.TryParse(c["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"], out var fromHost))
                {
                    o.MaxDequeueCount = fromHost;
                }
            })
            .Validate(o => o.MaxDequeueCount >= 1, "Journeys:Batches:MaxDequeueCount must be 1 or more.")
            .ValidateOnStart();
        services.TryAddSingleton<JourneyBatchStorage>();
        services.TryAddSingleton<JourneyBatchProcessor>();
        return services;
    }
}

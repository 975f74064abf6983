using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending;
using Nurture.Core.Ingestion;
using Nurture.Core.Journeys.Policies;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys.Batches;
using Nurture.Functions.Queues;
using Nurture.Functions.Templates;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Registers journeys: stores, the runner, the event router, <c>AdvanceJourney</c>, batch starts (<c>StartJourneyBatch</c>) and the marketer endpoints.</summary>
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
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SendPolicySettings>().BindConfiguration(SendPolicySettings.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendPolicySettings>, SendPolicySettingsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SendPolicySettings>>().Value.ToPolicy());
        services.TryAddSingleton(sp => new JourneyStorage(
            sp.GetRequiredService<IStorageAccounts>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<JourneyOptions>>().Value,
            sp.GetService<QueueWakeUps>()));
        services.TryAddSingleton<IMessageChannel>(sp => sp.GetRequiredService<JourneyStorage>().Outbox);
        services.TryAddSingleton<IJourneyContactSource, ProfileContactSource>();
        services.TryAddSingleton(sp => new MessageComposer(sp.GetRequiredService<JourneyStorage>().Templates));
        services.TryAddSingleton<JourneyRunner>();
        services.TryAddSingleton<JourneyStarter>();
        services.TryAddSingleton<JourneyEventRouter>();
        services.AddOptions<JourneyRepairOptions>().BindConfiguration(JourneyRepairOptions.Section)
            .Validate(o => o.After > TimeSpan.Zero, "Journeys:Repair:After must be positive.")
            .Validate(o => o.MaxPerRun > 0, "Journeys:Repair:MaxPerRun must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton<JourneyRepair>();
        // Replaces ingestion's do-nothing sink whichever of the two is registered first.
        services.Replace(ServiceDescriptor.Singleton<IJourneyEventSink>(sp => sp.GetRequiredService<JourneyEventRouter>()));
        services.AddFunction(AdvanceJourneyFunction.Definition);
        services.AddFunction(RepairJourneysFunction.Definition);
        services.AddFunction(JourneyApiFunctions.StartJourney);
        services.AddFunction(JourneyApiFunctions.GetJourneyInstance);
        services.AddFunction(JourneyApiFunctions.CancelJourneyInstance);
        services.AddFunction(JourneyApiFunctions.ListOutbox);
        services.AddFunction(JourneyDesignFunctions.SaveJourneyDraft);
        services.AddFunction(JourneyDesignFunctions.ValidateJourney);
        services.AddFunction(JourneyDesignFunctions.PublishJourney);
        services.AddFunction(JourneyDesignFunctions.ListJourneyVersions);
        services.AddFunction(JourneyDesignFunctions.PauseJourney);
        services.AddFunction(JourneyDesignFunctions.ResumeJourney);
        services.AddFunction(ListJourneyInstancesFunction.Definition);
        services.AddFunction(TemplateFunctions.SaveTemplate);
        services.AddFunction(TemplateFunctions.GetTemplate);
        services.AddFunction(TemplateFunctions.ListTemplates);
        services.AddFunction(TemplateFunctions.PreviewTemplate);
        services.TryAddSingleton<JourneyBatchStorage>();
        services.TryAddSingleton<JourneyBatchProcessor>();
        services.AddFunction(JourneyBatchFunctions.CreateJourneyBatch);
        services.AddFunction(JourneyBatchFunctions.GetJourneyBatch);
        services.AddFunction(StartJourneyBatchFunction.Definition);
        return services;
    }
}

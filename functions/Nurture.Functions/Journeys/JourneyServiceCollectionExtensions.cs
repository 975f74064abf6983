using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending;
using Nurture.Core.Ingestion;
using Nurture.Core.Journeys.Policies;
using Nurture.Functions.Catalog;
using Nurture.Functions.Hosting;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Journeys;

/// <summary>Registers journeys: stores, the runner, the event router, <c>AdvanceJourney</c> and the first marketer endpoints.</summary>
public static class JourneyServiceCollectionExtensions
{
    /// <summary>
    /// Adds journeys. Register an <see cref="IMessageChannel"/>, <see cref="IJourneyContactSource"/> or
    /// <see cref="SendPolicyOptions"/> first to replace the defaults (outbox, stored profiles, defaults).
    /// </summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddJourneys(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<JourneyOptions>().BindConfiguration(JourneyOptions.Section)
            .Validate(o => o.SendAttemptLease >= TimeSpan.FromSeconds(1) && o.SendAttemptLease <= TimeSpan.FromHours(1), "Journeys:SendAttemptLease must be between 00:00:01 and 01:00:00.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(SendPolicyOptions.Default);
        services.TryAddSingleton(sp => new JourneyStorage(
            sp.GetRequiredService<IStorageAccounts>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<JourneyOptions>>().Value));
        services.TryAddSingleton<IMessageChannel>(sp => sp.GetRequiredService<JourneyStorage>().Outbox);
        services.TryAddSingleton<IJourneyContactSource, ProfileContactSource>();
        services.TryAddSingleton(sp => new MessageComposer(sp.GetRequiredService<JourneyStorage>().Templates));
        services.TryAddSingleton<JourneyRunner>();
        services.TryAddSingleton<JourneyStarter>();
        services.TryAddSingleton<JourneyEventRouter>();
        // Replaces ingestion's do-nothing sink whichever of the two is registered first.
        services.Replace(ServiceDescriptor.Singleton<IJourneyEventSink>(sp => sp.GetRequiredService<JourneyEventRouter>()));
        services.AddFunction(AdvanceJourneyFunction.Definition);
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
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Nurture.Channels.Sending;
using Nurture.Functions.Delivery;
using Nurture.Functions.Hosting;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.Reports;

namespace Nurture.Functions;

/// <summary>Everything the function classes need, registered once for both hosts: the worker in Azure and the local host.</summary>
public static class NurtureServiceCollectionExtensions
{
    /// <summary>
    /// Adds the app's services: storage from <c>AzureWebJobsStorage</c>, ingestion, profiles, the channels chosen by
    /// <c>Channels:Email</c> and <c>Channels:Sms</c> (the outbox unless set), journeys and their options, and the
    /// start-up check that refuses placeholder settings.
    /// </summary>
    public static IServiceCollection AddNurture(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorageAccounts, ConfiguredStorageAccounts>();
        services.AddHostedService<PlaceholderSettingsCheck>();
        services.AddIngestion();
        services.AddNurtureChannels(configuration);
        services.TryAddKeyedSingleton<IMessageChannel>(ChannelKeys.Outbox, (sp, _) => sp.GetRequiredService<JourneyStorage>().Outbox);
        services.AddChannelFeedback();
        services.AddJourneys();
        services.AddReports();
        return services;
    }
}

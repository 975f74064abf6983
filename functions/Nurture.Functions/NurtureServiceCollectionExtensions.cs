using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nurture.Functions.Hosting;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;

namespace Nurture.Functions;

/// <summary>Everything the function classes need, registered once for both hosts: the worker in Azure and the local host.</summary>
public static class NurtureServiceCollectionExtensions
{
    /// <summary>Adds the app's services: storage from <c>AzureWebJobsStorage</c>, ingestion, profiles, journeys and their options.</summary>
    public static IServiceCollection AddNurture(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IStorageAccounts, ConfiguredStorageAccounts>();
        services.AddIngestion();
        services.AddJourneys();
        return services;
    }
}

using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nurture.Functions.Hosting;

/// <summary>Application Insights for the worker in Azure, without personal data.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Sends the worker's logs, dependencies and exceptions to Application Insights when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (the deployment sets it, with Entra authentication through
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>); <see cref="PersonalDataTelemetryInitializer"/> strips what
    /// could identify a shopper. The app's own logs name contacts by id, never by email or phone.
    /// </summary>
    public static IServiceCollection AddNurtureTelemetry(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddApplicationInsightsTelemetryWorkerService();
        services.ConfigureFunctionsApplicationInsights();
        services.AddSingleton<ITelemetryInitializer, PersonalDataTelemetryInitializer>();

        // The Application Insights logger provider keeps only warnings by default; host.json's levels decide instead.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return services;
    }
}

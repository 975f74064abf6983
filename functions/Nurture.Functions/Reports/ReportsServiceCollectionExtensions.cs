using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nurture.Core.Metrics.Campaigns;
using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Metrics.Retention;
using Nurture.Core.Metrics.Scoring;
using Nurture.Core.Metrics.Statistics;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Reports;

/// <summary>Registers the reports: their settings, the report store, the fact collector and the reporters.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds the reports.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
            .Validate(o => o.LateArrivalDays is >= 0 and <= 31, "Metrics:Reports:LateArrivalDays must be between 0 and 31.")
            .Validate(o => o.RefreshAfter >= TimeSpan.Zero, "Metrics:Reports:RefreshAfter must not be negative.")
            .ValidateOnStart();
        services.AddOptions<RetentionSettings>().BindConfiguration(RetentionSettings.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionSettings>>(new MetricSettingsValidator<RetentionSettings>(o => o.Problems())));
        services.AddOptions<ScoringSettings>().BindConfiguration(ScoringSettings.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScoringSettings>>(new MetricSettingsValidator<ScoringSettings>(o => o.Problems())));
        services.AddOptions<CampaignSettings>().BindConfiguration(CampaignSettings.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignSettings>>(new MetricSettingsValidator<CampaignSettings>(o => o.Problems())));
        services.AddOptions<ExperimentSettings>().BindConfiguration(ExperimentSettings.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExperimentSettings>>(new MetricSettingsValidator<ExperimentSettings>(o => o.Problems())));
        services.AddOptions<CampaignCosts>().BindConfiguration(CampaignCosts.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CampaignCosts>>(new MetricSettingsValidator<CampaignCosts>(o => o.Problems())));
        services.TryAddSingleton(sp => new ReportStore(sp.GetRequiredService<IStorageAccounts>().GetTableService(StorageConnectionSettings.DefaultConnectionName)));
        services.TryAddSingleton<OrderFactCollector>();
        services.TryAddSingleton<RetentionReporter>();
        services.TryAddSingleton<CampaignReporter>();
        services.TryAddSingleton<ReportReader>();
        services.AddOptions<PortraitSettings>().BindConfiguration(PortraitSettings.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortraitSettings>>(new MetricSettingsValidator<PortraitSettings>(o => o.Problems())));
        services.TryAddSingleton<ContactScoringRunner>();
        return services;
    }
}

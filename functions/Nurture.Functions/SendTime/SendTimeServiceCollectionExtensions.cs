using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nurture.Core.SendTime;
using Nurture.Functions.Hosting;
using Nurture.Storage.Connections;
using Nurture.Storage.SendTime;

namespace Nurture.Functions.SendTime;

/// <summary>Registers send time: its settings, the shop pattern's store and cache, the learner and the advice.</summary>
public static class SendTimeServiceCollectionExtensions
{
    /// <summary>Adds send time (safe to call more than once; journeys call it for the shop pattern).</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddSendTime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ShopSendTimes)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SendTimeOptions>().BindConfiguration(SendTimeOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SendTimeOptions>, SendTimeOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SendTimeOptions>>().Value);
        services.AddOptions<ShopSendTimeOptions>().BindConfiguration(ShopSendTimeOptions.Section)
            .Validate(o => o.TimeZone is null || o.TimeZone.Length == 0 || IsZone(o.TimeZone), "SendTime:Shop:TimeZone must be an IANA time zone id, e.g. America/New_York.")
            .Validate(o => o.RelearnAfter >= TimeSpan.Zero, "SendTime:Shop:RelearnAfter must not be negative.")
            .Validate(o => o.CacheFor >= TimeSpan.Zero, "SendTime:Shop:CacheFor must not be negative.")
            .Validate(o => o.PageSize is >= 1 and <= 1000, "SendTime:Shop:PageSize must be between 1 and 1000.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => new ShopSendTimeStore(sp.GetRequiredService<IStorageAccounts>().GetTableService(StorageConnectionSettings.DefaultConnectionName)));
        services.TryAddSingleton<ShopSendTimes>();
        services.TryAddSingleton<ShopSendTimeLearner>();
        services.TryAddSingleton<SendTimeAdvice>();
        return services;
    }

    private static bool IsZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

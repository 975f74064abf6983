using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;
using Nurture.Functions.Queues;
using Nurture.Functions.Timers;

namespace Nurture.Functions.Hosting;

/// <summary>Registers the function runtime: catalog, options, storage, invoker, queue listener and timer scheduler.</summary>
public static class FunctionRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the runtime. Functions are added separately with <see cref="FunctionServiceCollectionExtensions.AddFunction"/>;
    /// storage comes from <see cref="IStorageAccounts"/>, which a caller may register first to replace the configured one.
    /// </summary>
    public static IServiceCollection AddFunctionRuntime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<QueueListenerOptions>().BindConfiguration(QueueListenerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueueListenerOptions>, QueueListenerOptionsValidator>();
        services.AddOptions<HttpFunctionOptions>().BindConfiguration(HttpFunctionOptions.Section).ValidateOnStart();
        services.AddOptions<FunctionTimeoutOptions>().BindConfiguration(FunctionTimeoutOptions.Section).ValidateOnStart();
        services.AddOptions<FunctionKeysOptions>().BindConfiguration(FunctionKeysOptions.Section);
        services.AddOptions<FunctionHostOptions>().BindConfiguration(FunctionHostOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Host:MaxRequestBodyBytes must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.InstanceId), "Host:InstanceId must not be empty.")
            .ValidateOnStart();
        services.AddOptions<TimerSchedulerOptions>().BindConfiguration(TimerSchedulerOptions.Section)
            .Configure<IConfiguration>((o, c) => o.TimeZone ??= c[TimerSchedulerOptions.TimeZoneSetting])
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(3), "Timers:LeaseDuration must be at least 3 seconds.")
            .Validate(o => TryResolve(o), $"{TimerSchedulerOptions.TimeZoneSetting} names an unknown time zone.")
            .ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<FunctionHostOptions>>((o, host) => o.ShutdownTimeout = host.Value.ShutdownTimeout);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new QueueWakeUps(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IStorageAccounts, ConfiguredStorageAccounts>();
        services.TryAddSingleton(sp => new FunctionCatalog(sp.GetServices<FunctionDefinition>(), sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<FunctionInvoker>();
        services.AddHostedService<QueueListener>();
        services.AddHostedService<TimerScheduler>();
        return services;
    }

    private static bool TryResolve(TimerSchedulerOptions options)
    {
        try
        {
            options.ResolveTimeZone();
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}

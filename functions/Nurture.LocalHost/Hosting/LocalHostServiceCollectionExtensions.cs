using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Catalog;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Http;
using Nurture.LocalHost.Queues;
using Nurture.LocalHost.Timers;

namespace Nurture.LocalHost.Hosting;

/// <summary>Registers the host's own services: options from settings and host.json, storage, the invoker, the triggers.</summary>
internal static class LocalHostServiceCollectionExtensions
{
    /// <summary>The options, storage connections and invoker; the trigger services come with the catalog (<see cref="AddTriggers"/>).</summary>
    public static IServiceCollection AddLocalHostRuntime(this IServiceCollection services)
    {
        services.AddOptions<QueueListenerOptions>().BindConfiguration(QueueListenerOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<QueueListenerOptions>, QueueListenerOptionsValidator>();
        services.AddOptions<HttpFunctionOptions>().BindConfiguration(HttpFunctionOptions.Section).ValidateOnStart();
        services.AddOptions<FunctionTimeoutOptions>().BindConfiguration(FunctionTimeoutOptions.Section).ValidateOnStart();
        services.AddOptions<FunctionKeysOptions>().BindConfiguration(FunctionKeysOptions.Section);
        services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section)
            .Validate(o => o.MaxRequestBodyBytes > 0, "Host:MaxRequestBodyBytes must be positive.")
            .Validate(o => o.ShutdownTimeout >= TimeSpan.Zero, "Host:ShutdownTimeout must not be negative.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.InstanceId), "Host:InstanceId must not be empty.")
            .ValidateOnStart();
        services.AddOptions<TimerSchedulerOptions>().BindConfiguration(TimerSchedulerOptions.Section)
            .Configure<IConfiguration>((o, c) => o.TimeZone ??= c[TimerSchedulerOptions.TimeZoneSetting])
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(3), "Timers:LeaseDuration must be at least 3 seconds.")
            .Validate(TryResolveZone, $"{TimerSchedulerOptions.TimeZoneSetting} names an unknown time zone.")
            .ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<LocalHostOptions>>((o, host) => o.ShutdownTimeout = host.Value.ShutdownTimeout);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IStorageConnections, ConfiguredStorageConnections>();
        services.AddSingleton<FunctionInvoker>();
        services.AddProblemDetails();

        // MVC's result executors, so IActionResult values (ObjectResult, JsonResult, ...) can be executed.
        services.AddMvcCore();
        return services;
    }

    /// <summary>
    /// The catalog and what runs it: the Durable engine first (so it starts before and stops after the triggers that
    /// use its client), then the queue listener and the timer scheduler.
    /// </summary>
    public static IServiceCollection AddTriggers(this IServiceCollection services, LocalFunctionCatalog catalog, IConfiguration configuration)
    {
        services.AddSingleton(catalog);
        if (catalog.UsesDurable)
        {
            services.AddLocalDurableEngine(
                    sp => sp.GetService<DurableStorageAccount>() ?? DurableStorageSettings.Resolve(configuration),
                    registrations => registrations.AddFunctions(catalog.Durable.Select(f => f.Method)))
                .Configure<IConfiguration>(DurableHostJson.Apply)
                .BindConfiguration(DurableEngineOptions.SectionName);
        }

        services.AddHostedService<QueueListener>();
        services.AddHostedService<TimerScheduler>();
        return services;
    }

    private static bool TryResolveZone(TimerSchedulerOptions options)
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

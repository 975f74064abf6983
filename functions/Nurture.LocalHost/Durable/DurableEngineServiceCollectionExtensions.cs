using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nurture.LocalHost.Durable;

/// <summary>Registers the local Durable engine with a host's services.</summary>
public static class DurableEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine (as a hosted service), its <see cref="DurableTaskClient"/> and, unless one is registered, the
    /// worker's default <see cref="DataConverter"/>. <paramref name="register"/> runs now, so a function method that
    /// cannot be bound fails here. Configure the returned options builder with the parsed host.json values.
    /// </summary>
    public static OptionsBuilder<DurableEngineOptions> AddLocalDurableEngine(
        this IServiceCollection services,
        Func<IServiceProvider, DurableStorageAccount> storage,
        Action<DurableTaskRegistrations> register)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(register);
        var registrations = new DurableTaskRegistrations();
        register(registrations);
        services.AddSingleton(registrations);
        services.TryAddSingleton<DataConverter>(DurableDataConverter.WorkerDefault);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableEngineOptions>, DurableEngineOptionsValidator>());
        services.AddSingleton(sp => new DurableEngine(
            sp.GetRequiredService<IOptions<DurableEngineOptions>>(),
            storage(sp),
            sp.GetRequiredService<DurableTaskRegistrations>(),
            sp.GetRequiredService<DataConverter>(),
            sp,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        services.AddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<DurableEngine>().Client);
        return services.AddOptions<DurableEngineOptions>().ValidateOnStart();
    }
}

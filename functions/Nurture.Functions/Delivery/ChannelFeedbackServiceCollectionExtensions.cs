using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nurture.Functions.Delivery;

/// <summary>Registers what the app does with the providers' answers: recipient effects and each send's status history.</summary>
public static class ChannelFeedbackServiceCollectionExtensions
{
    /// <summary>Adds <see cref="RecipientEffects"/> and <see cref="SendStatusStore"/>.</summary>
    /// <param name="services">The services.</param>
    public static IServiceCollection AddChannelFeedback(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<RecipientEffects>();
        services.TryAddSingleton<SendStatusStore>();
        return services;
    }
}

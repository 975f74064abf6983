using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Health;

namespace Nurture.Functions.Catalog;

/// <summary>The functions the Nurture app ships: every one declared once, here.</summary>
public static class NurtureFunctionSet
{
    /// <summary>Adds the app's functions to the catalog.</summary>
    public static IServiceCollection AddNurtureFunctions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFunction(HealthFunction.Definition);
        return services;
    }
}

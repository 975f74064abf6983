using Microsoft.Extensions.DependencyInjection;

namespace Nurture.Functions.Catalog;

/// <summary>Registers functions in the catalog.</summary>
public static class FunctionServiceCollectionExtensions
{
    /// <summary>Adds one function to the catalog. Call once per function; names must be unique.</summary>
    public static IServiceCollection AddFunction(this IServiceCollection services, FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(function);
        services.AddSingleton(function);
        return services;
    }
}

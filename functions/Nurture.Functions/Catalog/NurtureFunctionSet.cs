using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Contacts;
using Nurture.Functions.Health;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.OpenApi;

namespace Nurture.Functions.Catalog;

/// <summary>The functions the Nurture app ships: every one declared once, here.</summary>
public static class NurtureFunctionSet
{
    /// <summary>Adds the app's functions to the catalog.</summary>
    public static IServiceCollection AddNurtureFunctions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddFunction(HealthFunction.Definition);
        services.AddFunction(OpenApiFunction.Definition);
        services.AddIngestion();
        services.AddFunction(ShopifyWebhook.Definition);
        services.AddFunction(WooCommerceWebhook.Definition);
        services.AddFunction(BigCommerceWebhook.Definition);
        services.AddFunction(TrackEvents.Definition);
        services.AddFunction(SendGridWebhook.Definition);
        services.AddFunction(TwilioStatusWebhook.Definition);
        services.AddFunction(TwilioInboundWebhook.Definition);
        services.AddFunction(ProcessInboundEvent.Definition);
        services.AddFunction(GetContact.Definition);
        services.AddFunction(ExportContact.Definition);
        services.AddFunction(UpdateContact.Definition);
        services.AddFunction(DeleteContact.Definition);
        services.AddJourneys();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Functions.Catalog;

namespace Nurture.Functions.Ingestion;

/// <summary>Shortcuts for the ingestion handlers' services.</summary>
internal static class IngestionContext
{
    public static IngestionOptions Options(this FunctionContext context) =>
        context.Services.GetRequiredService<IOptions<IngestionOptions>>().Value;

    public static WebhookIntake Intake(this FunctionContext context) => context.Services.GetRequiredService<WebhookIntake>();

    public static TimeProvider Time(this FunctionContext context) => context.Services.GetRequiredService<TimeProvider>();
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nurture.Core.Ingestion;
using Nurture.Core.Profiles;
using Nurture.Functions.Contacts;

namespace Nurture.Functions.Ingestion;

/// <summary>Registers ingestion, profiles and the privacy endpoints' services.</summary>
public static class IngestionServiceCollectionExtensions
{
    /// <summary>Adds the services; options are bound from <c>Ingestion</c> and <c>Profiles</c>.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section)
            .Validate(o => o.MaxTrackBatch is > 0 and <= 500, "Ingestion:MaxTrackBatch must be between 1 and 500.")
            .Validate(
                o => o.SuppressionSalt is { } salt && System.Text.Encoding.UTF8.GetByteCount(salt) >= 16,
                "Ingestion:SuppressionSalt must be set, at least 16 bytes (the suppression hashes' salt).")
            .Validate(o => o.SendGridTimestampTolerance > TimeSpan.Zero, "Ingestion:SendGridTimestampTolerance must be positive.")
            .Validate(o => o.ClockSkewTolerance >= TimeSpan.Zero && o.ClockSkewTolerance <= TimeSpan.FromDays(1), "Ingestion:ClockSkewTolerance must be between 00:00:00 and 1.00:00:00.")
            .Validate(o => o.Shops.All(s => !string.IsNullOrWhiteSpace(s.Shop)), "Every Ingestion:Shops entry needs its Shop (a Shopify domain or a WooCommerce site).")
            .Validate(
                o => o.Shops.All(s => !string.IsNullOrEmpty(s.ShopifySecret) || !string.IsNullOrEmpty(s.WooCommerceSecret) || !string.IsNullOrEmpty(s.BigCommerceSecret)),
                "Every Ingestion:Shops entry needs at least one of ShopifySecret, WooCommerceSecret and BigCommerceSecret.")
            .Validate(o => o.Shops.Select(s => WebhookSecrets.Normalize(s.Shop)).Distinct().Count() == o.Shops.Count, "Each shop may appear in Ingestion:Shops only once.")
            .ValidateOnStart();
        services.AddOptions<ProfileOptions>().BindConfiguration(ProfileOptions.SectionName)
            .Configure<IOptions<IngestionOptions>>((profiles, ingestion) => profiles.DefaultCallingCode ??= ingestion.Value.DefaultCallingCode)
            .Validate(o => o.EngagementHalfLife > TimeSpan.Zero, "Profiles:EngagementHalfLife must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<ProfileOptions>>().Value);
        services.TryAddSingleton<IngestionStorage>();
        services.TryAddSingleton<WebhookIntake>();
        services.TryAddSingleton<ContactResolver>();
        services.TryAddSingleton<ContactEraser>();
        services.TryAddSingleton<ContactLookup>();
        services.TryAddSingleton<InboundEventProcessor>();
        return services;
    }
}

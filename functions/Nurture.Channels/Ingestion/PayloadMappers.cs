using Nurture.Channels.Ingestion.BigCommerce;
using Nurture.Channels.Ingestion.SendGrid;
using Nurture.Channels.Ingestion.Shopify;
using Nurture.Channels.Ingestion.Track;
using Nurture.Channels.Ingestion.Twilio;
using Nurture.Channels.Ingestion.WooCommerce;
using Nurture.Core.Events;

namespace Nurture.Channels.Ingestion;

/// <summary>Finds the mapper for a delivery's source (what <c>ProcessInboundEvent</c> dispatches on).</summary>
public sealed class PayloadMappers
{
    private readonly Dictionary<EventSource, IPayloadMapper> _bySource;

    /// <summary>Creates the catalog over the given mappers (one per source).</summary>
    public PayloadMappers(IEnumerable<IPayloadMapper> mappers)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        _bySource = mappers.ToDictionary(m => m.Source);
    }

    /// <summary>Every platform mapper Nurture has.</summary>
    public static PayloadMappers Default { get; } = new(
        [new ShopifyMapper(), new WooCommerceMapper(), new BigCommerceMapper(), new TrackMapper(), new SendGridMapper(), new TwilioMapper()]);

    /// <summary>Maps a delivery from <paramref name="source"/>; a source without a mapper is ignored, not an error.</summary>
    public MappingOutcome Map(EventSource source, RawDelivery delivery) =>
        _bySource.TryGetValue(source, out var mapper) ? mapper.Map(delivery) : new IgnoredDelivery("no mapper for source " + source);
}

using Nurture.Core.Journeys.Policies;

namespace Nurture.Core.SendTime;

/// <summary>The zones a contact may be in, with prior weights: their own when known, else the shop's contacts' zones.</summary>
internal static class SendTimeFrames
{
    /// <summary>Prior share given to a zone the shop's statistics do not list (the shop's own, or UTC).</summary>
    public const double UnlistedShare = 0.05;

    /// <summary>
    /// The frames for a contact whose zone is <paramref name="zone"/>: that zone alone when certain (from the
    /// profile); otherwise the shop's listed zones, then the shop's own zone and <paramref name="zone"/> when not listed.
    /// </summary>
    public static IReadOnlyList<(TimeZoneInfo Zone, double Share)> For(TimeZoneInfo zone, bool certain, ShopSendTimePattern? shop)
    {
        if (certain || shop is null || shop.Zones.IsDefaultOrEmpty)
        {
            return [(zone, 1d)];
        }

        var frames = new List<(TimeZoneInfo Zone, double Share)>();
        foreach (var listed in shop.Zones)
        {
            var resolved = ContactTimeZones.Resolve(listed.TimeZone, out var unknown);
            if (!unknown && listed.Share > 0)
            {
                frames.Add((resolved, listed.Share));
            }
        }

        if (shop.TimeZone is { } shopId && ContactTimeZones.Resolve(shopId, out var unknownShop) is var shopZone && !unknownShop && !frames.Exists(f => f.Zone.Id == shopZone.Id))
        {
            frames.Add((shopZone, UnlistedShare));
        }

        if (!frames.Exists(f => f.Zone.Id == zone.Id))
        {
            frames.Add((zone, UnlistedShare));
        }

        return frames;
    }
}

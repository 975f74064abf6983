using Nurture.Core.Journeys.Policies;

namespace Nurture.Core.SendTime;

/// <summary>
/// The zone a contact's send time is chosen in: the profile's, else one inferred from the contact's evidence,
/// else the shop's, else UTC. Pure.
/// </summary>
/// <remarks>
/// Inference weighs each zone the shop's contacts live in (by how common it is) by how well the contact's UTC
/// evidence fits one of the shop's routine clusters seen from that zone; it needs
/// <see cref="SendTimeOptions.ZoneInferenceEvidence"/> and the best zone must be more probable than the shop's by
/// <see cref="SendTimeOptions.ZoneInferenceMargin"/> (natural log), otherwise the shop's zone stands. The advisor
/// does not bet on the inferred zone alone: without a profile zone it mixes over all of them.
/// </remarks>
public static class SendTimeZones
{
    /// <summary>The zone to choose in.</summary>
    /// <param name="timeZone">The contact's IANA zone from the profile, if any.</param>
    /// <param name="model">The contact's send-time model, if any.</param>
    /// <param name="shop">The shop's pattern, if any.</param>
    /// <param name="now">Decision time (whose year's daylight-saving rules apply).</param>
    /// <param name="options">Settings; <see cref="SendTimeOptions.Default"/> when null.</param>
    public static ResolvedZone Resolve(string? timeZone, SendTimeModel? model, ShopSendTimePattern? shop, DateTimeOffset now, SendTimeOptions? options = null) =>
        ResolveWith(timeZone, model, shop, now, options, out _);

    /// <summary>As <see cref="Resolve"/>, handing back the posterior it computed, if any.</summary>
    internal static ResolvedZone ResolveWith(string? timeZone, SendTimeModel? model, ShopSendTimePattern? shop, DateTimeOffset now, SendTimeOptions? options, out ContactPosterior? computed)
    {
        computed = null;
        if (!string.IsNullOrWhiteSpace(timeZone))
        {
            var own = ContactTimeZones.Resolve(timeZone, out var unknown);
            if (!unknown)
            {
                return new ResolvedZone(own, ZoneSource.Profile);
            }
        }

        TimeZoneInfo? shopZone = null;
        if (shop?.TimeZone is { } shopId)
        {
            var resolved = ContactTimeZones.Resolve(shopId, out var unknown);
            shopZone = unknown ? null : resolved;
        }

        if (shop is not null && shop.IsWellFormed() && !shop.Zones.IsDefaultOrEmpty && model is not null
            && Infer(model, shop, shopZone ?? TimeZoneInfo.Utc, now, options ?? SendTimeOptions.Default, out computed) is { } inferred)
        {
            return new ResolvedZone(inferred, ZoneSource.Inferred);
        }

        return shopZone is null ? new ResolvedZone(TimeZoneInfo.Utc, ZoneSource.Utc) : new ResolvedZone(shopZone, ZoneSource.Shop);
    }

    private static TimeZoneInfo? Infer(SendTimeModel model, ShopSendTimePattern shop, TimeZoneInfo fallback, DateTimeOffset now, SendTimeOptions options, out ContactPosterior? computed)
    {
        computed = null;
        var evidence = AttentionEstimator.Correct(model, shop.ResponseRate, shop.OrganicRate, options);
        if (evidence.Total < options.ZoneInferenceEvidence || evidence.Total <= 0)
        {
            return null;
        }

        var frames = SendTimeFrames.For(fallback, certain: false, shop);
        var posterior = RoutineMixture.Posterior(evidence, shop, frames, now, options);
        computed = new ContactPosterior(evidence, frames, posterior);
        var byFrame = new double[frames.Count];
        for (var f = 0; f < frames.Count; f++)
        {
            for (var k = 0; k < posterior.GetLength(1); k++)
            {
                byFrame[f] += posterior[f, k];
            }
        }

        var fallbackIndex = IndexOf(frames, fallback);
        var bestIndex = Array.IndexOf(byFrame, byFrame.Max());
        var fallbackOffsets = WeekSlots.SeasonOffsets(fallback, now);
        if (bestIndex == fallbackIndex || WeekSlots.SeasonOffsets(frames[bestIndex].Zone, now) == fallbackOffsets)
        {
            return null;
        }

        return Math.Log(byFrame[bestIndex]) - Math.Log(Math.Max(byFrame[fallbackIndex], 1e-300)) >= options.ZoneInferenceMargin ? frames[bestIndex].Zone : null;
    }

    private static int IndexOf(IReadOnlyList<(TimeZoneInfo Zone, double Share)> frames, TimeZoneInfo zone)
    {
        for (var i = 0; i < frames.Count; i++)
        {
            if (string.Equals(frames[i].Zone.Id, zone.Id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

using Nurture.Core.Journeys.Policies;

namespace Nurture.Core.SendTime;

/// <summary>
/// Builds a <see cref="ShopSendTimePattern"/> from the shop's contacts, one at a time (so a timer can stream
/// profiles through it): <c>Add</c> each contact's model, then <c>Build</c>. Pure.
/// </summary>
/// <remarks>
/// Each contact's evidence is exposure-corrected with the rates of the <c>previous</c> pattern (the defaults on
/// the first build), so refreshing converges. Each contact contributes at most
/// <see cref="SendTimeOptions.EvidenceCap"/> engagements, so a few heavy users do not define the shop. Contacts
/// with a known zone form the pattern; the rest, read in the shop's zone, count only while the known ones are too few.
/// The routine clusters are learned by expectation-maximisation over the contributing contacts' evidence, starting
/// from the previous pattern's clusters (or fixed seeds), so they are deterministic and stable across refreshes.
/// </remarks>
public sealed partial class ShopSendTimePatternBuilder
{
    private const int ZonesKept = 8;

    private readonly string? _shopZoneId;
    private readonly TimeZoneInfo _shopZone;
    private readonly SendTimeOptions _options;
    private readonly double _responseRate;
    private readonly double _organicRate;
    private readonly double[] _known = new double[WeekSlots.PerWeek];
    private readonly double[] _unknown = new double[WeekSlots.PerWeek];
    private readonly Dictionary<string, int> _zones = new(StringComparer.Ordinal);
    private readonly List<Sample> _knownSamples = [];
    private readonly List<Sample> _unknownSamples = [];
    private readonly ShopSendTimePattern? _previous;
    private double _knownWeight;
    private double _unknownWeight;
    private double _responses;
    private double _organic;
    private double _exposureHours;
    private double _observedHours;
    private int _contacts;
    private DateTimeOffset? _latest;

    /// <summary>A builder for one shop.</summary>
    /// <param name="shopTimeZone">The shop's IANA time zone (for contacts without one); null for UTC.</param>
    /// <param name="previous">The pattern built last time, whose rates calibrate the exposure correction; null on the first build.</param>
    /// <param name="options">Settings; <see cref="SendTimeOptions.Default"/> when null.</param>
    public ShopSendTimePatternBuilder(string? shopTimeZone, ShopSendTimePattern? previous = null, SendTimeOptions? options = null)
    {
        _options = options ?? SendTimeOptions.Default;
        _shopZone = ContactTimeZones.Resolve(shopTimeZone, out var fellBack);
        _shopZoneId = fellBack ? null : shopTimeZone;
        var usable = previous is not null && previous.IsWellFormed();
        _previous = usable ? previous : null;
        _responseRate = usable ? previous!.ResponseRate : _options.DefaultResponseRate;
        _organicRate = usable ? previous!.OrganicRate : _options.DefaultOrganicRate;
    }

    /// <summary>Adds one contact.</summary>
    /// <param name="model">The contact's model, valued at (about) the build time; null or empty adds nothing.</param>
    /// <param name="timeZone">The contact's IANA time zone from their profile, if any.</param>
    public void Add(SendTimeModel? model, string? timeZone)
    {
        if (model is null || model.IsEmpty)
        {
            return;
        }

        var zone = ContactTimeZones.Resolve(timeZone, out var fellBack);
        var known = !string.IsNullOrWhiteSpace(timeZone) && !fellBack;
        if (known)
        {
            _zones[timeZone!] = _zones.GetValueOrDefault(timeZone!) + 1;
        }

        var engagement = model.Engagement.Total();
        var responses = Math.Clamp(model.ResponseWeight, 0, engagement);
        _responses += responses;
        _organic += engagement - responses;
        _exposureHours += model.Deliveries.Total() * SendTimeKernels.For(_options).ExposureHoursPerDelivery;
        _observedHours += Math.Max(model.ObservedHours, AttentionEstimator.MinObservedHours);
        _latest = _latest is { } latest && latest >= model.AsOf!.Value ? latest : model.AsOf;

        var evidence = AttentionEstimator.Correct(model, _responseRate, _organicRate, _options);
        if (evidence.Total <= 0)
        {
            return;
        }

        _contacts++;
        var contribution = Math.Min(evidence.Total, _options.EvidenceCap);
        var offsets = WeekSlots.SeasonOffsets(known ? zone : _shopZone, model.AsOf!.Value);
        var scale = contribution / evidence.Total;
        AttentionEstimator.AddLocal(evidence, offsets, scale, SendTimeKernels.For(_options).ShopSmoothing, known ? _known : _unknown);
        var samples = known ? _knownSamples : _unknownSamples;
        if (samples.Count < _options.ClusterSampleLimit)
        {
            samples.Add(new Sample(
                [.. evidence.Keys.Select(key => WeekSlots.LocalSlotOfKey(key, offsets))],
                [.. evidence.Weights.Select(w => w * scale)]));
        }
        if (known)
        {
            _knownWeight += contribution;
        }
        else
        {
            _unknownWeight += contribution;
        }
    }

    /// <summary>The pattern of every contact added so far.</summary>
    /// <param name="now">The build time.</param>
    public ShopSendTimePattern Build(DateTimeOffset now)
    {
        var useUnknown = _knownWeight < _options.MinShopEvidence;
        var weight = _knownWeight + (useUnknown ? _unknownWeight : 0);
        var values = new double[WeekSlots.PerWeek];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _known[i] + (useUnknown ? _unknown[i] : 0);
        }

        AttentionEstimator.PoolDays(values, _options.ShopSameDayShare, 1 - _options.ShopSameDayShare);
        var prior = _options.ShopPriorStrength;
        var shape = values.Select((v, i) => (v + (prior * DefaultAttention.Shape[i])) / (weight + prior)).ToArray();
        var known = _zones.Values.Sum();
        var zones = _zones
            .OrderByDescending(z => z.Value)
            .ThenBy(z => z.Key, StringComparer.Ordinal)
            .Take(ZonesKept)
            .Select(z => new ShopZoneShare(z.Key, (double)z.Value / known))
            .ToArray();
        var responseRate = (_responses + (_options.ResponsePriorHours * _responseRate)) / (_exposureHours + _options.ResponsePriorHours);
        var organicRate = (_organic + (_options.OrganicPriorHours * _organicRate)) / (_observedHours + _options.OrganicPriorHours);
        var clusters = LearnClusters(useUnknown ? [.. _knownSamples, .. _unknownSamples] : _knownSamples);
        return new ShopSendTimePattern([.. shape], responseRate, organicRate, weight, _contacts, _shopZoneId, [.. zones], _latest is { } latest && latest > now ? latest : now, [.. clusters]);
    }
}

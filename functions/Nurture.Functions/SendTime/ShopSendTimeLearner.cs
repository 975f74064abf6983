using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.SendTime;

/// <summary>
/// Builds the shop's send-time pattern from every stored profile and stores it: each contact's model decayed to now
/// and their profile zone through <see cref="ShopSendTimePatternBuilder"/>, calibrated by the previous pattern.
/// </summary>
/// <remarks>
/// Idempotent: a run that finds a pattern built less than <see cref="ShopSendTimeOptions.RelearnAfter"/> ago keeps
/// it, so a past-due catch-up next to the regular run, or a retried run, does not rebuild. Only one host runs the
/// timer at a time (its lease), and a build from the same profiles at the same time gives the same pattern, so a
/// run that dies half way is simply done again by the next one. Profiles are read a page at a time; the builder
/// keeps sums, not profiles.
/// </remarks>
public sealed class ShopSendTimeLearner(
    IngestionStorage ingestion,
    ShopSendTimes patterns,
    IOptions<ShopSendTimeOptions> options,
    IOptions<ProfileOptions> profileOptions,
    SendTimeOptions sendTimeOptions,
    TimeProvider clock,
    ILogger<ShopSendTimeLearner> logger)
{
    /// <summary>Builds and stores the pattern unless a recent one exists.</summary>
    public async Task<LearnOutcome> LearnAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var previous = await patterns.ReadStoredAsync(cancellationToken).ConfigureAwait(false);
        if (previous?.BuiltAt is { } builtAt && now - builtAt < settings.RelearnAfter && builtAt <= now)
        {
            SendTimeLog.PatternKept(logger, builtAt, settings.RelearnAfter);
            return new LearnOutcome(false, previous, 0);
        }

        await ingestion.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var halfLife = profileOptions.Value.EngagementHalfLife;
        var builder = new ShopSendTimePatternBuilder(settings.TimeZone, previous, sendTimeOptions);
        var read = 0;
        string? continuation = null;
        do
        {
            var page = await ingestion.Profiles.ReadPageAsync(settings.PageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var profile in page.Profiles)
            {
                read++;
                if (!profile.SendTime.IsEmpty)
                {
                    builder.Add(profile.SendTime.DecayedTo(now, halfLife), profile.Attribute(ProfileAttributes.TimeZone));
                }
            }

            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        var pattern = builder.Build(now);
        await patterns.SaveAsync(pattern, cancellationToken).ConfigureAwait(false);
        SendTimeLog.PatternBuilt(logger, pattern.ContactCount, read, pattern.EvidenceWeight);
        return new LearnOutcome(true, pattern, read);
    }
}

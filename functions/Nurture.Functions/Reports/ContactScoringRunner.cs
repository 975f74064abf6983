using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nurture.Core.Ingestion;
using Nurture.Core.Metrics;
using Nurture.Core.Metrics.Facts;
using Nurture.Core.Metrics.Mapping;
using Nurture.Core.Metrics.Orders;
using Nurture.Core.Metrics.Portrait;
using Nurture.Core.Metrics.Scoring;
using Nurture.Core.Profiles;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Storage;
using Nurture.Storage.Metrics;

namespace Nurture.Functions.Reports;

/// <summary>
/// Scores contacts (<see cref="ContactScorer"/>), writes their portraits to the profiles, turns stage changes into
/// <c>lifecycle.stage_changed</c> events and stores the shop's <see cref="LifecycleReport"/>.
/// </summary>
/// <remarks>
/// <para>Incremental: new day partitions go into the fact store (as for retention) and name the contacts whose data
/// changed; those, and the contacts whose stored rescore time has come (ageing), are rescored against the stored
/// model. When the model is older than <see cref="ScoringSettings.ModelMaxAge"/> (or on a rebuild) it is measured
/// again over every buyer and every contact is rescored.</para>
/// <para>Idempotent: each contact's profile is written first, then its stage-change event goes through ingestion
/// (its id is derived from the change, so a repeat is dropped), then its score is stored; a run that dies half way
/// redoes the same contacts. A report computed less than <see cref="ReportOptions.RefreshAfter"/> ago is kept, so a
/// past-due run next to the regular one does the work once. One host runs the timer at a time (its lease).</para>
/// </remarks>
public sealed class ContactScoringRunner(
    IngestionStorage ingestion,
    ReportStore reports,
    OrderFactCollector collector,
    InboundEventProcessor processor,
    JourneyEventRouter journeys,
    IOptions<ReportOptions> options,
    IOptions<ScoringSettings> scoringSettings,
    IOptions<PortraitSettings> portraitSettings,
    TimeProvider clock,
    ILogger<ContactScoringRunner> logger)
{
    /// <summary>How far the storage service's row timestamps may lag the host's clock.</summary>
    private static readonly TimeSpan StorageClockMargin = TimeSpan.FromMinutes(5);

    private readonly InitializeOnce _initialization = new();

    /// <summary>The stored lifecycle report's JSON, or null before the first run.</summary>
    public async Task<StoredReport?> ReadAsync(CancellationToken cancellationToken)
    {
        await _initialization.RunAsync(reports.InitializeAsync, cancellationToken).ConfigureAwait(false);
        return await reports.GetAsync(ReportKinds.Lifecycle, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scores through <paramref name="client"/>'s journeys; <paramref name="rebuild"/> rebuilds the model, reads every day and rescores everyone.</summary>
    public Task<ScoringOutcome> ScoreAsync(DurableTaskClient client, bool rebuild, CancellationToken cancellationToken) =>
        ScoreAsync(journeys.For(client), rebuild, cancellationToken);

    /// <summary>Scores the changed and due contacts (everyone when the model is rebuilt), offering stage changes to <paramref name="sink"/>.</summary>
    public async Task<ScoringOutcome> ScoreAsync(IJourneyEventSink sink, bool rebuild, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var settings = options.Value;
        var scoring = scoringSettings.Value;
        var now = clock.GetUtcNow();
        var stored = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!rebuild && stored is { } recent && now - recent.ComputedAt < settings.RefreshAfter && recent.ComputedAt <= now)
        {
            ReportsLog.ReportKept(logger, ReportKinds.Lifecycle, recent.ComputedAt, settings.RefreshAfter);
            return new ScoringOutcome(false, recent.ComputedAt, 0, false, 0, 0, 0, 0, 0);
        }

        await ingestion.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var from = !rebuild && stored?.ReadThrough is { } readThrough
            ? readThrough.AddDays(-settings.LateArrivalDays)
            : await ingestion.Events.FirstDayAsync(cancellationToken).ConfigureAwait(false);
        // Changed = events stored since the previous run began (less a margin for the storage clock); the days before
        // the watermark are read again for late arrivals, but what was scored last time is not rescored for them.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var storedAfter = rebuild ? null : stored?.ComputedAt - StorageClockMargin;
        var (days, _) = from is { } first ? await collector.CollectAsync(first, today, touched, storedAfter, cancellationToken).ConfigureAwait(false) : (0, 0);

        var facts = new ShopFacts();
        await ingestion.MetricFacts.ReadIntoAsync(facts, cancellationToken).ConfigureAwait(false);
        var orders = facts.ResolveOrders(now);
        var scores = new Dictionary<string, ScoredContact>(StringComparer.Ordinal);
        await foreach (var score in ingestion.Scores.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            scores[score.ContactId] = score;
        }

        var model = rebuild ? null : await ReadModelAsync(cancellationToken).ConfigureAwait(false);
        var rebuilt = model is null || model.IsStale(now, scoring);
        if (rebuilt)
        {
            model = ScoringModel.Build(orders.ByContact.Values.Select(c => c.ToSummary()), now, scoring);
        }

        var due = rebuilt ? [] : scores.Values.Where(s => s.IsDue(now) && !touched.Contains(s.ContactId)).Select(s => s.ContactId).ToList();
        var candidates = new SortedSet<string>(StringComparer.Ordinal);
        if (rebuilt)
        {
            await foreach (var profile in ingestion.Profiles.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                candidates.Add(profile.ContactId);
            }

            candidates.UnionWith(orders.ByContact.Keys);
            candidates.UnionWith(scores.Keys);
        }
        else
        {
            candidates.UnionWith(touched);
            candidates.UnionWith(due);
        }

        var (rescored, changes) = (0, 0);
        foreach (var contactId in candidates)
        {
            var result = await ScoreContactAsync(contactId, orders, model!, scores, sink, now, cancellationToken).ConfigureAwait(false);
            rescored += result.Scored ? 1 : 0;
            changes += result.StageChanged ? 1 : 0;
        }

        var report = LifecycleDistribution.Compute(model!, now, scores.Values);
        if (rebuilt)
        {
            await reports.SaveAsync(ReportKinds.ScoringModel, new StoredReport(MetricsJson.Serialize(model), model!.AsOf, null), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        await reports.SaveAsync(ReportKinds.Lifecycle, new StoredReport(MetricsJson.Serialize(report), now, from is null ? null : today), cancellationToken: cancellationToken).ConfigureAwait(false);
        ReportsLog.ContactsScored(logger, days, from, rebuilt, rescored, due.Count, changes, report.Contacts);
        return new ScoringOutcome(true, now, days, rebuilt, rebuilt ? rescored : rescored - due.Count, due.Count, rescored, changes, report.Contacts);
    }

    private async Task<ScoringModel?> ReadModelAsync(CancellationToken cancellationToken) =>
        await reports.GetAsync(ReportKinds.ScoringModel, cancellationToken: cancellationToken).ConfigureAwait(false) is { } stored
            ? MetricsJson.Deserialize<ScoringModel>(stored.Json)
            : null;

    private async Task<(bool Scored, bool StageChanged)> ScoreContactAsync(
        string contactId,
        ResolvedOrders orders,
        ScoringModel model,
        Dictionary<string, ScoredContact> scores,
        IJourneyEventSink sink,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var previous = scores.GetValueOrDefault(contactId);
        var profile = await ingestion.Profiles.GetAsync(contactId, cancellationToken).ConfigureAwait(false);
        if (profile is null || profile.ContactId != contactId)
        {
            // Erased, or merged into another contact (which the merge marked due): nothing of it is scored any more.
            if (previous is not null)
            {
                await ingestion.Scores.DeleteContactAsync(contactId, cancellationToken).ConfigureAwait(false);
                scores.Remove(contactId);
            }

            return (false, false);
        }

        var portraitOptions = portraitSettings.Value;
        var summary = orders.ByContact.TryGetValue(contactId, out var bought) ? bought.ToSummary() : new CustomerSummary(contactId, 0, null, null, 0m);
        var score = ContactScorer.Score(summary, model, now, scoringSettings.Value);
        var interests = InterestProfile.Compute(await InterestsAsync(contactId, now, portraitOptions, cancellationToken).ConfigureAwait(false), now, portraitOptions);
        var active = ActiveTime.FromHourOfDay(EngagementHours.OfDay(profile.SendTime, ZoneOf(profile), now), portraitOptions);
        var portrait = ContactPortrait.Compose(score, interests, active);
        await ingestion.Profiles.UpdateAsync(contactId, current => PortraitProjection.Apply(current, portrait, now), cancellationToken).ConfigureAwait(false);

        var change = StageChange.Detect(previous?.Score, score);
        if (change is not null)
        {
            await processor.ProcessEventAsync(StageChangeEvent.From(change), now, sink, cancellationToken).ConfigureAwait(false);
        }

        var scored = new ScoredContact(score, summary, portrait.RescoreAt);
        await ingestion.Scores.SaveAsync(scored, cancellationToken).ConfigureAwait(false);
        scores[contactId] = scored;
        return (true, change is not null);
    }

    private async Task<List<InterestSignal>> InterestsAsync(string contactId, DateTimeOffset now, PortraitSettings settings, CancellationToken cancellationToken)
    {
        var signals = new List<InterestSignal>();
        await foreach (var stored in ingestion.Events.ReadTimelineAsync(contactId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (now - stored.Event.OccurredAt < settings.InterestLookback)
            {
                signals.AddRange(MetricFactMapper.Interests(stored.Event));
            }
        }

        return signals;
    }

    private static TimeZoneInfo? ZoneOf(ContactProfile profile) =>
        profile.Attribute(ProfileAttributes.TimeZone) is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}

namespace Nurture.Functions.Reports;

/// <summary>What a scoring run did.</summary>
/// <param name="Computed">False when a recent run's scores were kept.</param>
/// <param name="ComputedAt">When the stored lifecycle report was computed.</param>
/// <param name="DaysRead">Day partitions read this run.</param>
/// <param name="ModelRebuilt">The scoring model was rebuilt, so every contact was rescored.</param>
/// <param name="Changed">Contacts rescored because they had events in the days read.</param>
/// <param name="Due">Contacts rescored only because their stored rescore time had come (ageing).</param>
/// <param name="Rescored">Contacts rescored in all.</param>
/// <param name="StageChanges">Lifecycle stage changes found (each a <c>lifecycle.stage_changed</c> event).</param>
/// <param name="Contacts">Contacts in the stored lifecycle report.</param>
public sealed record ScoringOutcome(bool Computed, DateTimeOffset ComputedAt, int DaysRead, bool ModelRebuilt, int Changed, int Due, int Rescored, int StageChanges, int Contacts);

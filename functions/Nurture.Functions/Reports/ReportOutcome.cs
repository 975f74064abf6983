namespace Nurture.Functions.Reports;

/// <summary>What a report run did.</summary>
/// <param name="Computed">False when a recent report was kept.</param>
/// <param name="ComputedAt">When the stored report was computed.</param>
/// <param name="DaysRead">Day partitions read this run.</param>
/// <param name="FactsStored">Order, refund and cancellation facts found in them.</param>
public sealed record ReportOutcome(bool Computed, DateTimeOffset ComputedAt, int DaysRead, int FactsStored);

namespace Nurture.Storage.Metrics;

/// <summary>A stored report.</summary>
/// <param name="Json">The report, as <c>MetricsJson</c> wrote it.</param>
/// <param name="ComputedAt">When it was computed.</param>
/// <param name="ReadThrough">The last UTC day whose partitions the run read (its watermark); null when none existed.</param>
public sealed record StoredReport(string Json, DateTimeOffset ComputedAt, DateOnly? ReadThrough);

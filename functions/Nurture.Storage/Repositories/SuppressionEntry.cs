namespace Nurture.Storage.Repositories;

/// <summary>An address's latest suppression in the suppression list.</summary>
/// <param name="Reason">Why (a <c>SuppressionReason</c> name, or the erasure's source such as <c>api:erasure</c>).</param>
/// <param name="At">When.</param>
public sealed record SuppressionEntry(string Reason, DateTimeOffset At);

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>How far after (positive) or before (negative) its due time one timer resumed the orchestration.</summary>
public sealed record TimerProbeSample(double DelaySeconds, double LatenessMs);

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Input of <see cref="TimerProbeFunctions.TimerProbeOrchestration"/>: the timers to arm one after another.</summary>
public sealed record TimerProbeRequest(IReadOnlyList<double> DelaysSeconds);

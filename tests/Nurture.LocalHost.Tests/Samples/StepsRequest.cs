namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Input of <see cref="StepFunctions.StepsOrchestration"/>.</summary>
public sealed record StepsRequest(double PauseSeconds);

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Input of the step activities: which instance and step, so the ledger can count executions.</summary>
public sealed record StepInput(string InstanceId, string Step);

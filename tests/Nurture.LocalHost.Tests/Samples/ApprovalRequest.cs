namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Input of <see cref="ApprovalFunctions.ApprovalOrchestration"/>.</summary>
public sealed record ApprovalRequest(string Subject, double TimeoutSeconds);

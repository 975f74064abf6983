namespace Nurture.LocalHost.Tests.Samples;

/// <summary>The event <see cref="ApprovalFunctions.ApprovalOrchestration"/> waits for.</summary>
public sealed record ApprovalDecision(bool Approved, string By);

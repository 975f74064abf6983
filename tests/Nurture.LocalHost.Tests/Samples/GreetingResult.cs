namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Output of <see cref="GreetingFunctions.GreetingOrchestration"/>.</summary>
public sealed record GreetingResult(IReadOnlyList<string> Greetings, string InstanceId);

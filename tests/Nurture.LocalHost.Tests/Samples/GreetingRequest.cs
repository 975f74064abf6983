namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Input of <see cref="GreetingFunctions.GreetingOrchestration"/>.</summary>
public sealed record GreetingRequest(string Name, int Times);

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>What <see cref="StepFunctions.SlowStep"/> waits for before finishing; tests and the child process choose it.</summary>
public sealed class StepGate
{
    public Func<StepInput, CancellationToken, Task> BeforeSlowStep { get; set; } = (_, _) => Task.CompletedTask;
}

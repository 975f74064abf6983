using Microsoft.DurableTask;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>Doubles its input.</summary>
public sealed class DoublingActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * 2);
}

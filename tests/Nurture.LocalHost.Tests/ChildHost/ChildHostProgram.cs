using Microsoft.Extensions.DependencyInjection;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;

namespace Nurture.LocalHost.Tests.ChildHost;

/// <summary>
/// The test assembly run as a program: one Durable engine on the hub named in the environment, running the sample
/// functions, with <see cref="StepFunctions.SlowStep"/> held open (after leaving a marker file) so the kill test
/// can SIGKILL the process while an activity is in flight. It exits when its standard input closes.
/// </summary>
public static class ChildHostProgram
{
    public const string Switch = "--durable-child";
    public const string HubVariable = "NURTURE_DURABLE_CHILD_HUB";
    public const string ConnectionVariable = "NURTURE_DURABLE_CHILD_CONNECTION";
    public const string MarkerVariable = "NURTURE_DURABLE_CHILD_MARKERS";
    public const string ReadyPrefix = "READY ";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [Switch])
        {
            await Console.Error.WriteLineAsync($"This is a test assembly; run it with dotnet test (or with {Switch} as the kill test does).");
            return 2;
        }

        var hub = Required(HubVariable);
        var connection = Required(ConnectionVariable);
        var markers = Required(MarkerVariable);
        var services = new ServiceCollection();
        services.AddLogging();
        SampleFunctions.AddServices(services);
        services.AddLocalDurableEngine(_ => DurableStorageAccount.FromConnectionString(connection), SampleFunctions.Register)
            .Configure(options => DurableTestHost.ConfigureForTests(options, hub));
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<StepGate>().BeforeSlowStep = async (input, cancellation) =>
        {
            await File.WriteAllTextAsync(Path.Combine(markers, input.InstanceId), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellation);
            await Task.Delay(Timeout.Infinite, cancellation);
        };
        var engine = provider.GetRequiredService<DurableEngine>();
        await engine.StartAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync(ReadyPrefix + engine.WorkerId);
        await Console.Out.FlushAsync();

        // The parent test writes nothing: standard input closes when it ends, however it ends.
        await Console.In.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await engine.StopAsync(timeout.Token);
        return 0;
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set.");
}

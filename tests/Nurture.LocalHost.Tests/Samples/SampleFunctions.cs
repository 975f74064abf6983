using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nurture.LocalHost.Durable;

namespace Nurture.LocalHost.Tests.Samples;

/// <summary>The sample app: its function methods (as the lead's host finds them through functions.metadata) and services.</summary>
public static class SampleFunctions
{
    /// <summary>Every bindable sample function method.</summary>
    public static IReadOnlyList<MethodInfo> Methods { get; } =
    [
        .. new[] { typeof(GreetingFunctions), typeof(ApprovalFunctions), typeof(TimerProbeFunctions), typeof(StepFunctions), typeof(FamilyFunctions), typeof(CountdownFunctions) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance))
            .Where(m => m.IsDefined(typeof(FunctionAttribute))),
    ];

    /// <summary>Registers the sample functions and the class-based sample tasks.</summary>
    public static void Register(DurableTaskRegistrations registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        registrations
            .AddFunctions(Methods)
            .AddOrchestrator(nameof(DoublingOrchestrator), _ => new DoublingOrchestrator())
            .AddActivity(nameof(DoublingActivity), _ => new DoublingActivity());
    }

    /// <summary>The services the sample function classes depend on (unless a test registered its own instances).</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.TryAddSingleton<Greeter>();
        services.TryAddSingleton<ActivityLedger>();
        services.TryAddSingleton<StepGate>();
    }
}

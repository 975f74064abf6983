using System.Reflection;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Durable.Functions;
using Nurture.LocalHost.Tests.Samples;

namespace Nurture.LocalHost.Tests.Functions;

public sealed class DurableFunctionBinderTests
{
    [Fact]
    public void AddFunctions_RegistersOrchestratorsAndActivitiesByFunctionName()
    {
        var registrations = new DurableTaskRegistrations();

        SampleFunctions.Register(registrations);

        Assert.Contains(nameof(GreetingFunctions.GreetingOrchestration), registrations.OrchestratorNames);
        Assert.Contains(nameof(FamilyFunctions.ChildOrchestration), registrations.OrchestratorNames);
        Assert.Contains(nameof(DoublingOrchestrator), registrations.OrchestratorNames);
        Assert.Contains(nameof(GreetingFunctions.SayHello), registrations.ActivityNames);
        Assert.Contains(nameof(StepFunctions.SlowStep), registrations.ActivityNames);
        Assert.DoesNotContain(nameof(GreetingFunctions.SayHello), registrations.OrchestratorNames);
    }

    [Fact]
    public void Bind_Orchestrator_TakesTheContextAndAnOptionalFunctionContext()
    {
        var function = DurableFunctionBinder.Bind(Method<StepFunctions>(nameof(StepFunctions.StepsOrchestration)));

        Assert.Equal(DurableFunctionKind.Orchestrator, function.Kind);
        Assert.Equal([FunctionParameterRole.OrchestrationContext, FunctionParameterRole.FunctionContext], function.Parameters);
        Assert.Equal(typeof(string), function.Return.OutputType);
        Assert.Null(function.InstanceType);
    }

    [Fact]
    public void Bind_Activity_UsesTheTriggerParameterTypeAsInputAndTheTaskResultAsOutput()
    {
        var function = DurableFunctionBinder.Bind(Method<StepFunctions>(nameof(StepFunctions.SlowStep)));

        Assert.Equal(DurableFunctionKind.Activity, function.Kind);
        Assert.Equal(typeof(StepInput), function.InputType);
        Assert.Equal(typeof(string), function.Return.OutputType);
        Assert.Equal([FunctionParameterRole.ActivityInput, FunctionParameterRole.CancellationToken], function.Parameters);
        Assert.Equal(typeof(StepFunctions), function.InstanceType);
    }

    [Fact]
    public void Bind_VoidActivity_HasNoOutput()
    {
        var function = DurableFunctionBinder.Bind(Method(typeof(FamilyFunctions), nameof(FamilyFunctions.FailingActivity)));

        Assert.Equal(typeof(object), function.Return.OutputType);
        Assert.Equal(typeof(int), function.InputType);
    }

    [Theory]
    [InlineData(nameof(UnbindableFunctions.OrchestratorWithInputParameter), "parameter 'input' (String) cannot be bound")]
    [InlineData(nameof(UnbindableFunctions.OrchestratorWithStringTrigger), "must be a TaskOrchestrationContext, not String")]
    [InlineData(nameof(UnbindableFunctions.FunctionWithTwoTriggers), "exactly one [OrchestrationTrigger] or [ActivityTrigger]")]
    [InlineData(nameof(UnbindableFunctions.ActivityWithExtraService), "parameter 'greeter' (Greeter) cannot be bound")]
    [InlineData(nameof(UnbindableFunctions.NotDurable), "exactly one [OrchestrationTrigger] or [ActivityTrigger]")]
    [InlineData(nameof(UnbindableFunctions.NoFunctionAttribute), "has no [Function] attribute")]
    public void AddFunction_UnbindableMethod_FailsNamingTheFunctionAndTheProblem(string methodName, string problem)
    {
        var registrations = new DurableTaskRegistrations();

        var error = Assert.Throws<DurableFunctionBindingException>(() => registrations.AddFunction(Method<UnbindableFunctions>(methodName)));

        Assert.Equal(methodName, error.FunctionName);
        Assert.Contains($"Function '{methodName}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Empty(registrations.OrchestratorNames);
        Assert.Empty(registrations.ActivityNames);
    }

    [Fact]
    public void AddFunction_SameNameTwice_FailsNamingIt()
    {
        var registrations = new DurableTaskRegistrations().AddFunction(Method<GreetingFunctions>(nameof(GreetingFunctions.SayHello)));

        var error = Assert.Throws<InvalidOperationException>(() => registrations.AddActivity("sayhello", _ => new DoublingActivity()));

        Assert.Contains("'sayhello' is registered twice", error.Message, StringComparison.Ordinal);
    }

    private static MethodInfo Method<T>(string name) => Method(typeof(T), name);

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name) ?? throw new InvalidOperationException($"{type.Name}.{name} not found.");
}

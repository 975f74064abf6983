using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nurture.LocalHost.Durable;
using Nurture.LocalHost.Durable.Functions;
using Nurture.LocalHost.Tests.Infrastructure;
using Nurture.LocalHost.Tests.Samples;

namespace Nurture.LocalHost.Tests.Engine;

/// <summary>How the local host wires the engine: <see cref="DurableEngineServiceCollectionExtensions.AddLocalDurableEngine"/>.</summary>
public sealed class DurableEngineRegistrationTests
{
    [Fact]
    public void AddLocalDurableEngine_FunctionThatCannotBeBound_FailsAtRegistration()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<DurableFunctionBindingException>(() => services.AddLocalDurableEngine(
            _ => DurableStorageAccount.FromConnectionString("UseDevelopmentStorage=true"),
            r => r.AddFunction(typeof(UnbindableFunctions).GetMethod(nameof(UnbindableFunctions.ActivityWithExtraService))!)));

        Assert.Equal(nameof(UnbindableFunctions.ActivityWithExtraService), error.FunctionName);
    }

    [Fact]
    public async Task AddLocalDurableEngine_InvalidOptions_FailNamingTheSetting()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLocalDurableEngine(_ => DurableStorageAccount.FromConnectionString("UseDevelopmentStorage=true"), SampleFunctions.Register)
            .Configure(o => o.HubName = "no");
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DurableEngine>());

        Assert.Contains(nameof(DurableEngineOptions.HubName), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLocalDurableEngine_ProvidesTheEnginesClientHostedServiceAndTheWorkersConverter()
    {
        var services = new ServiceCollection().AddLogging();
        SampleFunctions.AddServices(services);
        services.AddLocalDurableEngine(_ => DurableStorageAccount.FromConnectionString("UseDevelopmentStorage=true"), SampleFunctions.Register)
            .Configure(o => DurableTestHost.ConfigureForTests(o, "RegistrationHub"));
        await using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<DurableEngine>();

        Assert.Same(engine.Client, provider.GetRequiredService<DurableTaskClient>());
        Assert.Same(engine, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Same(DurableDataConverter.WorkerDefault, provider.GetRequiredService<DataConverter>());
        Assert.Equal("RegistrationHub", engine.Client.Name);
        Assert.StartsWith(Environment.MachineName + "-", engine.WorkerId, StringComparison.Ordinal);
    }
}

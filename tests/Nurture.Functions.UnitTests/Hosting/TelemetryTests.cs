using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Functions.Hosting;

namespace Nurture.Functions.UnitTests.Hosting;

public sealed class TelemetryTests
{
    [Fact]
    public void Initializer_RemovesTheClientAddressUserAndSession()
    {
        var trace = new TraceTelemetry("processed c-123");
        trace.Context.Location.Ip = "203.0.113.7";
        trace.Context.User.Id = "shopper@example.com";
        trace.Context.User.AuthenticatedUserId = "shopper@example.com";
        trace.Context.Session.Id = "s-1";

        new PersonalDataTelemetryInitializer().Initialize(trace);

        Assert.Equal("0.0.0.0", trace.Context.Location.Ip);
        Assert.Null(trace.Context.User.Id);
        Assert.Null(trace.Context.User.AuthenticatedUserId);
        Assert.Null(trace.Context.Session.Id);
        Assert.Equal("processed c-123", trace.Message);
    }

    [Fact]
    public void Initializer_DropsQueryStringsFromDependenciesAndRequests()
    {
        var dependency = new DependencyTelemetry { Data = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json?To=%2B15551234567" };
        var request = new RequestTelemetry { Url = new Uri("https://shop.example/api/unsubscribe?token=abc") };
        var plain = new DependencyTelemetry { Data = "https://api.sendgrid.com/v3/mail/send" };

        var initializer = new PersonalDataTelemetryInitializer();
        initializer.Initialize(dependency);
        initializer.Initialize(request);
        initializer.Initialize(plain);

        Assert.Equal("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json", dependency.Data);
        Assert.Equal(new Uri("https://shop.example/api/unsubscribe"), request.Url);
        Assert.Equal("https://api.sendgrid.com/v3/mail/send", plain.Data);
    }

    [Fact]
    public async Task AddNurtureTelemetry_RunsTheInitializerOnEveryItem()
    {
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        await using var services = collection.AddNurtureTelemetry().BuildServiceProvider();
        var configuration = services.GetRequiredService<TelemetryConfiguration>();
        var trace = new TraceTelemetry("x");
        trace.Context.Location.Ip = "203.0.113.7";

        foreach (var initializer in configuration.TelemetryInitializers)
        {
            initializer.Initialize(trace);
        }

        Assert.Contains(configuration.TelemetryInitializers, i => i is PersonalDataTelemetryInitializer);
        Assert.Equal("0.0.0.0", trace.Context.Location.Ip);
    }
}

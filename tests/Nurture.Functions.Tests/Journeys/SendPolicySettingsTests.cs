using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Policies;
using Nurture.Functions.Journeys;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Journeys;

public sealed class SendPolicySettingsTests
{
    [Fact]
    public void NoSettings_GiveTheDefaultPolicy()
    {
        Assert.Equal(SendPolicyOptions.Default, Resolve([]));
    }

    [Fact]
    public void Settings_AreBoundFromTheSendPolicySection()
    {
        var policy = Resolve(new()
        {
            ["Journeys:SendPolicy:EmailQuietHours"] = "22:30-07:15",
            ["Journeys:SendPolicy:SmsQuietHours"] = "OFF",
            ["Journeys:SendPolicy:EmailCap"] = "3/7d",
            ["Journeys:SendPolicy:SmsCap"] = " 1 / 12:00:00 ",
            ["Journeys:SendPolicy:EmailRequiresGrantedConsent"] = "false",
            ["Journeys:SendPolicy:NormalPriorityStagger"] = "00:01:00",
            ["Journeys:SendPolicy:LowPriorityStagger"] = "00:02:00",
        });

        Assert.Equal(new QuietHours(new TimeOnly(22, 30), new TimeOnly(7, 15)), policy.EmailQuietHours);
        Assert.Null(policy.SmsQuietHours);
        Assert.Equal(new FrequencyCap(3, TimeSpan.FromDays(7)), policy.EmailCap);
        Assert.Equal(new FrequencyCap(1, TimeSpan.FromHours(12)), policy.SmsCap);
        Assert.False(policy.EmailRequiresGrantedConsent);
        Assert.True(policy.SmsRequiresGrantedConsent);
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)), (policy.NormalPriorityStagger, policy.LowPriorityStagger));
    }

    [Theory]
    [InlineData("5/90m", 5, 90)]
    [InlineData("2/24h", 2, 24 * 60)]
    [InlineData("10/1.00:00:00", 10, 24 * 60)]
    public void Caps_ReadCountAndWindow(string value, int max, int minutes)
    {
        Assert.Equal(new FrequencyCap(max, TimeSpan.FromMinutes(minutes)), SendPolicySettings.ParseCap("EmailCap", value));
    }

    [Theory]
    [InlineData("EmailCap", "2")]
    [InlineData("EmailCap", "0/24h")]
    [InlineData("SmsCap", "-1/24h")]
    [InlineData("SmsCap", "2/0h")]
    [InlineData("SmsCap", "2/soon")]
    [InlineData("SmsQuietHours", "21-08")]
    [InlineData("SmsQuietHours", "21:00-21:00")]
    [InlineData("EmailQuietHours", "25:00-08:00")]
    [InlineData("EmailQuietHours", "21:00")]
    public void MalformedSettings_StopTheAppNamingTheSetting(string setting, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Journeys:SendPolicy:" + setting] = value }));

        Assert.Contains($"'Journeys:SendPolicy:{setting}' is '{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NegativeStagger_IsRefused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Journeys:SendPolicy:LowPriorityStagger"] = "-00:01:00" }));

        Assert.Contains("must not be negative", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSampleLocalSettings_DescribeTheDefaultPolicy()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot(), "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject()
            .Where(p => p.Name.StartsWith("Journeys__SendPolicy__", StringComparison.Ordinal))
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());

        Assert.Equal(8, values.Count);
        Assert.Equal(SendPolicyOptions.Default, Resolve(values));
    }

    [Fact]
    public void ARegisteredPolicy_WinsOverConfiguration()
    {
        var services = Services(new() { ["Journeys:SendPolicy:EmailCap"] = "off" });
        var registered = SendPolicyOptions.Default with { EmailCap = new FrequencyCap(9, TimeSpan.FromHours(1)) };
        services.AddSingleton(registered);
        services.AddJourneys();
        using var provider = services.BuildServiceProvider();

        Assert.Same(registered, provider.GetRequiredService<SendPolicyOptions>());
    }

    private static SendPolicyOptions Resolve(Dictionary<string, string?> settings)
    {
        var services = Services(settings);
        services.AddJourneys();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<SendPolicyOptions>();
    }

    private static ServiceCollection Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}

using Nurture.Functions.Hosting;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>Placeholders of the sample settings (<c>replace-with-...</c>) stop the app outside Development.</summary>
public sealed class PlaceholderSettingsTests
{
    private static readonly Dictionary<string, string?> Placeholders = new()
    {
        ["Ingestion:ShopifySecret"] = "replace-with-the-shopify-app-secret",
        ["Ingestion:TwilioPublicBaseUrl"] = "https://replace-with-your-public-host.example.com",
    };

    [Fact]
    public async Task OutsideDevelopment_TheAppDoesNotStart_AndTheErrorNamesEverySetting()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await FunctionTestHost.StartAsync(settings: Placeholders, args: ["--environment", "Production"]);
        });

        var message = Flatten(error);
        Assert.Contains("Ingestion:ShopifySecret", message, StringComparison.Ordinal);
        Assert.Contains("Ingestion:TwilioPublicBaseUrl", message, StringComparison.Ordinal);
        Assert.Contains("Production", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionsEnvironmentSettingOfProduction_AlsoStopsTheApp()
    {
        var settings = new Dictionary<string, string?>(Placeholders) { [PlaceholderSettingsCheck.EnvironmentSetting] = "Production" };

        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var host = await FunctionTestHost.StartAsync(settings: settings, args: ["--environment", "Development"]);
        });

        Assert.Contains("Ingestion:ShopifySecret", Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task InDevelopment_TheAppStarts_WithOneWarningPerSetting(bool bySetting)
    {
        var settings = new Dictionary<string, string?>(Placeholders);
        var before = Warnings();
        if (bySetting)
        {
            settings[PlaceholderSettingsCheck.EnvironmentSetting] = "Development";
        }

        await using var host = await FunctionTestHost.StartAsync(settings: settings, args: bySetting ? null : ["--environment", "Development"]);

        using var health = await host.Client.GetAsync("api/health");
        Assert.True(health.IsSuccessStatusCode);
        var after = Warnings();
        Assert.Equal(before.GetValueOrDefault("Ingestion:ShopifySecret") + 1, after["Ingestion:ShopifySecret"]);
        Assert.Equal(before.GetValueOrDefault("Ingestion:TwilioPublicBaseUrl") + 1, after["Ingestion:TwilioPublicBaseUrl"]);
        Assert.Equal(before.Values.Sum() + 2, after.Values.Sum());
    }

    /// <summary>Placeholder warnings logged so far, per setting (this class's tests run one at a time).</summary>
    private static Dictionary<string, int> Warnings() => TestLogSink.Entries
        .Where(e => e.Category == typeof(PlaceholderSettingsCheck).FullName)
        .GroupBy(e => e.Message.Split(' ')[1])
        .ToDictionary(g => g.Key, g => g.Count());

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join(" | ", aggregate.InnerExceptions.Select(Flatten))
        : error.Message + (error.InnerException is null ? string.Empty : " | " + Flatten(error.InnerException));
}

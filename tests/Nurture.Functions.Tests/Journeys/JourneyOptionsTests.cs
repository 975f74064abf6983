using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nurture.Functions.Hosting;
using Nurture.Functions.Journeys;
using Nurture.Storage.Journeys;

namespace Nurture.Functions.Tests.Journeys;

public sealed class JourneyOptionsTests
{
    [Fact]
    public void Defaults_KeepTheLedgersOneMinuteLease_AndRecordNoAttempts()
    {
        using var provider = Provider([]);

        var storage = provider.GetRequiredService<JourneyStorage>();

        Assert.Equal(SendLedger.DefaultAttemptLease, storage.Ledger.AttemptLease);
        Assert.False(storage.Outbox.RecordsAttempts);
    }

    [Fact]
    public void Settings_ReachTheLedgerAndTheOutbox()
    {
        using var provider = Provider(new()
        {
            ["Journeys:SendAttemptLease"] = "00:00:05",
            ["Journeys:RecordOutboxAttempts"] = "true",
        });

        var storage = provider.GetRequiredService<JourneyStorage>();

        Assert.Equal(TimeSpan.FromSeconds(5), storage.Ledger.AttemptLease);
        Assert.True(storage.Outbox.RecordsAttempts);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("02:00:00")]
    public void LeaseOutOfRange_FailsNamingTheSetting(string lease)
    {
        using var provider = Provider(new() { ["Journeys:SendAttemptLease"] = lease });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<JourneyOptions>>().Value);

        Assert.Contains("Journeys:SendAttemptLease", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IStorageAccounts>(Infrastructure.TestStorageAccounts.IsolatedAzurite());
        services.AddLogging();
        services.AddJourneys();
        return services.BuildServiceProvider();
    }
}

using Nurture.Core.Profiles;
using Nurture.Storage.Repositories;

namespace Nurture.Storage.Tests.Repositories;

/// <summary>The suppression list and the event claims, on Azurite.</summary>
public sealed partial class RepositoryTests
{
    private static readonly DateTimeOffset At = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Suppression_KeepsEachAddresssLatestSuppression_AsAMarkForItsChannel()
    {
        var list = new SuppressionList(Tables, "repository-tests-suppression-salt");
        await list.InitializeAsync();
        var email = "s" + Guid.NewGuid().ToString("N") + "@example.com";

        await list.AddAsync(IdentityKind.Email, email, nameof(SuppressionReason.HardBounce), At);
        await list.AddAsync(IdentityKind.Email, email, "api:erasure", At.AddDays(-1));
        await Task.WhenAll(
            list.AddAsync(IdentityKind.Phone, "+15550109999", nameof(SuppressionReason.SmsStop), At.AddHours(1)),
            list.AddAsync(IdentityKind.Phone, "+15550109999", "api:erasure", At.AddHours(2)));

        Assert.Equal(new SuppressionEntry(nameof(SuppressionReason.HardBounce), At), await list.FindAsync(IdentityKind.Email, email));
        var marks = await list.MarksForAsync(email, "+15550109999");
        Assert.Equal(
            [new SuppressionMark("email", SuppressionReason.HardBounce, At), new SuppressionMark("sms", SuppressionReason.Erased, At.AddHours(2))],
            marks);
        Assert.Empty(await list.MarksForAsync("nobody-" + Guid.NewGuid().ToString("N") + "@example.com", null));
    }

    [Fact]
    public async Task Claim_GivesEveryDeliveryTheFirstDeliverysTimes_UntilTheEventIsMarkedProcessed()
    {
        var processed = new ProcessedEvents(Tables);
        await processed.InitializeAsync();
        var eventId = Guid.NewGuid().ToString("N");

        var claims = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => processed.ClaimAsync(eventId, At.AddSeconds(i), At.AddSeconds(i))));
        await processed.MarkAsync(eventId, "c-1", At.AddMinutes(1));
        var after = await processed.ClaimAsync(eventId, At.AddHours(1), At.AddHours(1));

        Assert.Single(claims.Select(c => c.OccurredAt).Distinct());
        Assert.All(claims, c => Assert.False(c.Processed));
        Assert.True(after.Processed);
        Assert.Equal(claims[0].OccurredAt, after.OccurredAt);
        Assert.True(await processed.IsProcessedAsync(eventId));
    }
}

using Nurture.Core.SendTime;
using Nurture.Storage.SendTime;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.SendTime;

public sealed class ShopSendTimeStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pattern_RoundTrips_AndASecondSaveReplacesTheFirst()
    {
        var store = new ShopSendTimeStore(StorageTestEnvironment.Account.Tables, "T" + Guid.NewGuid().ToString("N")[..12]);
        await store.InitializeAsync();
        Assert.Null(await store.GetAsync());

        var builder = new ShopSendTimePatternBuilder("America/New_York");
        for (var contact = 0; contact < 40; contact++)
        {
            var model = SendTimeModel.Empty;
            for (var day = 1; day <= 10; day++)
            {
                model = model.WithEngagement(Now.AddDays(-day).AddHours(-contact % 12), 1, response: false, TimeSpan.FromDays(60));
            }

            builder.Add(model, contact % 2 == 0 ? "America/New_York" : "Europe/Berlin");
        }

        var first = builder.Build(Now);
        await store.SaveAsync(first);
        var read = await store.GetAsync();

        Assert.NotNull(read);
        Assert.Equal(first.Shape.ToArray(), read.Shape.ToArray());
        Assert.Equal(first.Clusters.Length, read.Clusters.Length);
        Assert.Equal(first.Zones.ToArray(), read.Zones.ToArray());
        Assert.Equal(first.BuiltAt, read.BuiltAt);
        Assert.Equal(first.ContactCount, read.ContactCount);

        var second = ShopSendTimePattern.Default("Europe/Berlin") with { BuiltAt = Now.AddHours(1) };
        await store.SaveAsync(second);
        Assert.Equal(Now.AddHours(1), (await store.GetAsync())!.BuiltAt);
        Assert.Equal("Europe/Berlin", (await store.GetAsync())!.TimeZone);
    }
}

using Azure.Data.Tables;
using Nurture.LocalHost.Timers;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.LocalHost.Tests.Timers;

public sealed class TableLeaseTests
{
    private const string NightlyReport = nameof(NightlyReport);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly TableClient _table;

    public TableLeaseTests()
    {
        _table = StorageTestEnvironment.Account.Tables.GetTableClient(TestNames.Table("leases"));
        _table.CreateIfNotExistsAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task OnlyTheFirstInstanceTakesAFreeLease()
    {
        var a = Lease("a");
        var b = Lease("b");

        Assert.True(await a.TryTakeAsync(default));
        Assert.False(await b.TryTakeAsync(default));
        Assert.True(a.IsHeld);
        Assert.False(b.IsHeld);
    }

    [Fact]
    public async Task TheHolderRenews_AndKeepsTheLeasePastItsFirstExpiry()
    {
        var a = Lease("a");
        var b = Lease("b");
        await a.TryTakeAsync(default);

        _time.Advance(Duration * 0.6);
        Assert.True(await a.TryTakeAsync(default));
        _time.Advance(Duration * 0.6);

        Assert.False(await b.TryTakeAsync(default));
        Assert.True(a.IsHeld);
    }

    [Fact]
    public async Task ALeaseNotRenewed_Expires_AndAnotherInstanceTakesIt_AndTheOldHolderCannotRenew()
    {
        var a = Lease("a");
        var b = Lease("b");
        await a.TryTakeAsync(default);

        _time.Advance(Duration + TimeSpan.FromSeconds(1));

        Assert.False(a.IsHeld);
        Assert.True(await b.TryTakeAsync(default));
        Assert.False(await a.TryTakeAsync(default));
    }

    [Fact]
    public async Task ReleasingALease_LetsAnotherInstanceTakeItAtOnce()
    {
        var a = Lease("a");
        var b = Lease("b");
        await a.TryTakeAsync(default);

        await a.ReleaseAsync(default);

        Assert.True(await b.TryTakeAsync(default));
    }

    private TableLease Lease(string owner) => new(_table, NightlyReport, owner, Duration, _time);
}

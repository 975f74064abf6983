using System.Diagnostics;

namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>A test run that dies, however it dies, takes its Azurite with it.</summary>
public sealed class AzuriteTetherTests
{
    [Fact]
    public async Task Azurite_ExitsOnItsOwn_WhenTheProcessThatStartedItIsKilled()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "120") { UseShellExecute = false })!;
        using var azurite = AzuriteProcess.Start(tetheredTo: parent.Id);
        Assert.False(azurite.HasExited);

        parent.Kill();

        await Poll.UntilAsync(() => Task.FromResult(azurite.HasExited), TimeSpan.FromSeconds(20), "Azurite to exit after its parent was killed");
    }
}

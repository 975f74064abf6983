using Microsoft.Extensions.Options;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.SendTime;

/// <summary>Bad send-time settings stop the app at start, naming the setting.</summary>
public sealed class SendTimeSettingsTests
{
    [Theory]
    [InlineData("SendTime:PriorStrength", "-1", "SendTime:PriorStrength")]
    [InlineData("SendTime:Shop:TimeZone", "Mars/Olympus_Mons", "SendTime:Shop:TimeZone")]
    [InlineData("SendTime:Shop:PageSize", "5000", "SendTime:Shop:PageSize")]
    public async Task BadSetting_StopsTheStart_NamingIt(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = await FunctionTestHost.StartAsync(settings: new Dictionary<string, string?> { [key] = value }, storage: TestStorageAccounts.IsolatedAzurite());
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}

using Azure.Core;
using Microsoft.Extensions.Configuration;
using Moq;
using Nurture.Storage.Connections;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Connections;

/// <summary>The Functions connection conventions, resolved into the SDK's clients.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public void DevelopmentStorage_MeansTheEmulatorOnItsDefaultPorts()
    {
        var account = Resolve(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.Tables.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.Queues.Uri);
        Assert.Equal("devstoreaccount1", account.AccountName);
    }

    [Fact]
    public void AccountKeyString_BuildsEndpointsFromProtocolAndSuffix()
    {
        var account = Resolve(new()
        {
            ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=" + AzuriteProcess.AccountKey + ";EndpointSuffix=core.chinacloudapi.cn",
        });

        Assert.Equal(new Uri("https://shopdata.table.core.chinacloudapi.cn"), account.Tables.Uri);
        Assert.Equal(new Uri("https://shopdata.queue.core.chinacloudapi.cn"), account.Queues.Uri);
        Assert.Equal("shopdata", account.AccountName);
    }

    [Fact]
    public void ExplicitEndpoints_WinOverTheDefaults()
    {
        var account = Resolve(new()
        {
            ["AzureWebJobsStorage"] = "AccountName=devstoreaccount1;AccountKey=" + AzuriteProcess.AccountKey +
                ";TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1",
        });

        Assert.Equal(41002, account.Tables.Uri.Port);
        Assert.Equal(41001, account.Queues.Uri.Port);
    }

    [Fact]
    public void ConnectionStrings_FromTheConnectionStringsSection_AreFoundToo()
    {
        var account = Resolve(new() { ["ConnectionStrings:Events"] = "UseDevelopmentStorage=true" }, "Events");

        Assert.Equal("devstoreaccount1", account.AccountName);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("AccountName=a;AccountKey=%%%")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x")]
    public void MalformedConnectionStrings_StopWithAMessageNamingTheSettingButNotItsValue(string value)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new() { ["AzureWebJobsStorage"] = value }));

        Assert.Contains("'AzureWebJobsStorage'", failure.Message);
        Assert.DoesNotContain("%%%", failure.Message);
    }

    [Fact]
    public void IdentityConnection_FromAccountName_PointsAtTheAccountsEndpoints()
    {
        var account = Resolve(new() { ["AzureWebJobsStorage:accountName"] = "shopdata" }, credential: Mock.Of<TokenCredential>());

        Assert.Equal(new Uri("https://shopdata.table.core.windows.net"), account.Tables.Uri);
        Assert.Equal(new Uri("https://shopdata.queue.core.windows.net"), account.Queues.Uri);
        Assert.Equal("shopdata", account.AccountName);
    }

    [Fact]
    public void IdentityConnection_WithServiceUris_UsesThem()
    {
        var account = Resolve(
            new()
            {
                ["Events:tableServiceUri"] = "https://events.table.core.windows.net",
                ["Events:queueServiceUri"] = "https://events.queue.core.windows.net",
                ["Events:credential"] = "managedidentity",
                ["Events:clientId"] = "00000000-0000-0000-0000-000000000001",
            },
            "Events");

        Assert.Equal(new Uri("https://events.table.core.windows.net"), account.Tables.Uri);
        Assert.Equal(new Uri("https://events.queue.core.windows.net"), account.Queues.Uri);
    }

    [Fact]
    public void IdentityConnection_WithAnUnknownCredentialKind_NamesTheSetting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new()
        {
            ["AzureWebJobsStorage:accountName"] = "shopdata",
            ["AzureWebJobsStorage:credential"] = "clientsecret",
        }));

        Assert.Contains("'AzureWebJobsStorage__credential'", failure.Message);
    }

    [Fact]
    public void IdentityConnection_WithAServiceUriThatIsNotOne_NamesTheSetting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve(new()
        {
            ["AzureWebJobsStorage:tableServiceUri"] = "not a uri",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://x.queue.core.windows.net",
        }));

        Assert.Contains("'AzureWebJobsStorage__tableServiceUri'", failure.Message);
    }

    [Fact]
    public void ConnectionString_WinsOverIdentitySettings()
    {
        var account = Resolve(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:accountName"] = "shopdata",
        });

        Assert.Equal("devstoreaccount1", account.AccountName);
    }

    [Fact]
    public void MissingConnection_NamesTheSettingsToSet()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => Resolve([]));

        Assert.Contains("AzureWebJobsStorage__accountName", failure.Message);
    }

    [Fact]
    public async Task ResolvedClients_WorkAgainstTheAccountUnderTest()
    {
        var account = Resolve(new() { ["AzureWebJobsStorage"] = StorageTestEnvironment.ConnectionString });
        var queue = account.Queues.GetQueueClient(TestNames.Queue("conn"));

        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("hello");

        Assert.Equal("hello", Assert.Single((await queue.ReceiveMessagesAsync()).Value).MessageText);
        await queue.DeleteAsync();
    }

    private static StorageAccount Resolve(Dictionary<string, string?> settings, string name = StorageConnectionSettings.DefaultConnectionName, TokenCredential? credential = null) =>
        StorageConnectionSettings.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), name, credential);
}

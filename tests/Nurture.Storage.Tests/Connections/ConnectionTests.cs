using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Nurture.Storage.Connections;

namespace Nurture.Storage.Tests.Connections;

public sealed class ConnectionTests
{
    [Fact]
    public void DevelopmentStorage_MeansTheEmulatorOnItsDefaultPorts()
    {
        var connection = StorageConnection.Parse("UseDevelopmentStorage=true");

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), connection.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), connection.QueueEndpoint);
        Assert.Equal("devstoreaccount1", connection.SharedKey!.AccountName);
    }

    [Fact]
    public void AccountKeyString_BuildsEndpointsFromProtocolAndSuffix()
    {
        var connection = StorageConnection.Parse(
            "DefaultEndpointsProtocol=https;AccountName=shopdata;AccountKey=" + StorageConnection.DevelopmentAccountKey + ";EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://shopdata.table.core.chinacloudapi.cn"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://shopdata.queue.core.chinacloudapi.cn"), connection.QueueEndpoint);
        Assert.Equal("shopdata", connection.AccountName);
    }

    [Fact]
    public void ExplicitEndpoints_WinOverTheDefaults()
    {
        var connection = StorageConnection.Parse(
            "AccountName=devstoreaccount1;AccountKey=" + StorageConnection.DevelopmentAccountKey +
            ";TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:41001/devstoreaccount1");

        Assert.Equal(41002, connection.TableEndpoint.Port);
        Assert.Equal(41001, connection.QueueEndpoint.Port);
    }

    [Theory]
    [InlineData("AccountName=only")]
    [InlineData("garbage")]
    [InlineData("AccountName=a;AccountKey=%%%")]
    public void MalformedConnectionStrings_FailWithAClearError(string value)
    {
        Assert.Throws<FormatException>(() => StorageConnection.Parse(value));
    }

    [Fact]
    public void IdentityConnection_FromAccountName_UsesEntraTokens()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:accountName"] = "shopdata",
        }).Build();

        var connection = StorageConnectionFactory.FromConfiguration(configuration);

        Assert.Null(connection.SharedKey);
        Assert.IsType<DefaultAzureCredential>(connection.TokenCredential);
        Assert.Equal(new Uri("https://shopdata.table.core.windows.net"), connection.TableEndpoint);
        Assert.Equal(new Uri("https://shopdata.queue.core.windows.net"), connection.QueueEndpoint);
    }

    [Fact]
    public void IdentityConnection_WithServiceUrisAndManagedIdentity_UsesThem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Events:tableServiceUri"] = "https://events.table.core.windows.net",
            ["Events:queueServiceUri"] = "https://events.queue.core.windows.net",
            ["Events:credential"] = "managedidentity",
            ["Events:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        var connection = StorageConnectionFactory.FromConfiguration(configuration, "Events");

        Assert.IsType<ManagedIdentityCredential>(connection.TokenCredential);
        Assert.Equal("events", connection.AccountName);
    }

    [Fact]
    public void ConnectionString_WinsOverIdentitySettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        }).Build();

        Assert.NotNull(StorageConnectionFactory.FromConfiguration(configuration).SharedKey);
    }

    [Fact]
    public void MissingConnection_NamesTheSettingsToSet()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageConnectionFactory.FromConfiguration(new ConfigurationBuilder().Build()));
        Assert.Contains("AzureWebJobsStorage__accountName", ex.Message);
    }
}

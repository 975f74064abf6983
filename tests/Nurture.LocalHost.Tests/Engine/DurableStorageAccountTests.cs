using Azure.Core;
using Azure.Storage.Queues;
using Moq;
using Nurture.LocalHost.Durable;

namespace Nurture.LocalHost.Tests.Engine;

public sealed class DurableStorageAccountTests
{
    [Fact]
    public void FromServiceUris_WithACredential_PointsDtfxAtThoseServices()
    {
        var account = DurableStorageAccount.FromServiceUris(
            new Uri("https://nurture.blob.core.windows.net"),
            new Uri("https://nurture.queue.core.windows.net"),
            new Uri("https://nurture.table.core.windows.net"),
            Mock.Of<TokenCredential>());

        var queues = account.CreateClientProvider().Queue.CreateClient(new QueueClientOptions());

        Assert.Equal(new Uri("https://nurture.queue.core.windows.net"), queues.Uri);
        Assert.Equal("account at nurture.queue.core.windows.net (identity)", account.Description);
    }

    [Fact]
    public void FromAccountName_UsesThePublicEndpointsOfTheAccount()
    {
        var queues = DurableStorageAccount.FromAccountName("nurture", Mock.Of<TokenCredential>()).CreateClientProvider().Queue.CreateClient(new QueueClientOptions());

        Assert.Equal("nurture.queue.core.windows.net", queues.Uri.Host);
    }

    [Fact]
    public void FromConnectionString_DoesNotPutTheSecretInItsDescription()
    {
        var account = DurableStorageAccount.FromConnectionString("DefaultEndpointsProtocol=https;AccountName=nurture;AccountKey=c2VjcmV0;EndpointSuffix=core.windows.net");

        Assert.DoesNotContain("c2VjcmV0", account.Description, StringComparison.Ordinal);
    }
}

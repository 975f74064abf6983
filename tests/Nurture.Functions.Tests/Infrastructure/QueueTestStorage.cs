using Nurture.Storage.Rest;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>The storage the queue tests run on: Azurite over REST.</summary>
public static class QueueTestStorage
{
    public static TestStorageAccounts Create() => new(
        new RestQueueService(StorageTestEnvironment.Connection),
        new RestTableService(StorageTestEnvironment.Connection));
}

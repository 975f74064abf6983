using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Infrastructure;

/// <summary>The storage the queue tests run on: the shared Azurite.</summary>
public static class QueueTestStorage
{
    public static TestStorageAccounts Create() => new(StorageTestEnvironment.Account);
}

using Nurture.Functions.Hosting;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Rest;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

public sealed class AzuriteJourneyRunnerTests : JourneyRunnerTests
{
    protected override IStorageAccounts CreateStorage(bool duplicateQueueSends = false)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        return new TestStorageAccounts(
            new PrefixedQueueService(new RestQueueService(StorageTestEnvironment.Connection), "t" + id + "-", duplicateQueueSends),
            new PrefixedTableService(new RestTableService(StorageTestEnvironment.Connection), "t" + id));
    }
}

using Nurture.Functions.Hosting;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.InMemory;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

public sealed class InMemoryJourneyRunnerTests : JourneyRunnerTests
{
    protected override IStorageAccounts CreateStorage(bool duplicateQueueSends = false) =>
        new TestStorageAccounts(new PrefixedQueueService(new InMemoryQueueService(), "t-", duplicateQueueSends), new InMemoryTableService());
}

using Nurture.Functions.Hosting;

using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

public sealed class AzuriteJourneyRunnerTests : JourneyRunnerTests
{
    protected override IStorageAccounts CreateStorage(bool duplicateQueueSends = false) => TestStorageAccounts.IsolatedAzurite(duplicateQueueSends);
}

using Nurture.Functions.Hosting;

namespace Nurture.Functions.Tests.Journeys;

public sealed class AzuriteJourneyRunnerTests : JourneyRunnerTests
{
    protected override IStorageAccounts CreateStorage(bool duplicateQueueSends = false) => JourneyTestApp.IsolatedAzurite(duplicateQueueSends);
}

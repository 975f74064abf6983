using Nurture.Storage.Rest;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Journeys;

public sealed class AzuriteJourneyStoreContractTests : JourneyStoreContractTests
{
    protected override ITableService Tables { get; } = new RestTableService(StorageTestEnvironment.Connection);
}

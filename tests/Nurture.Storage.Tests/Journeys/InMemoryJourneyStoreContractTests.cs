using Nurture.Storage.InMemory;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Journeys;

public sealed class InMemoryJourneyStoreContractTests : JourneyStoreContractTests
{
    protected override ITableService Tables { get; } = new InMemoryTableService();
}

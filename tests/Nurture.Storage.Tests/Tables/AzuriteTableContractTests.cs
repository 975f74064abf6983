using Nurture.Storage.Rest;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Tables;

/// <summary>The table contract against the REST client on Azurite (or the account in NURTURE_TEST_STORAGE).</summary>
public sealed class AzuriteTableContractTests : TableContractTests
{
    protected override ITableService Service { get; } = new RestTableService(StorageTestEnvironment.Connection);
}

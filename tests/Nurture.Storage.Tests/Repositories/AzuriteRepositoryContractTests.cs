using Nurture.Storage.Rest;
using Nurture.Storage.Tables;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Storage.Tests.Repositories;

public sealed class AzuriteRepositoryContractTests : RepositoryContractTests
{
    protected override ITableService Tables { get; } = new RestTableService(StorageTestEnvironment.Connection);
}

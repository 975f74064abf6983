using Nurture.Storage.InMemory;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Repositories;

public sealed class InMemoryRepositoryContractTests : RepositoryContractTests
{
    protected override ITableService Tables { get; } = new InMemoryTableService();
}

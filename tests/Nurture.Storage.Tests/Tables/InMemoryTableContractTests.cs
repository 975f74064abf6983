using Nurture.Storage.InMemory;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Tests.Tables;

/// <summary>The table contract against the in-memory twin.</summary>
public sealed class InMemoryTableContractTests : TableContractTests
{
    protected override ITableService Service { get; } = new InMemoryTableService();

    protected override void AssertEmptyPagesWhereTheImplementationMakesThem(IReadOnlyList<TablePage> pages)
    {
        Assert.Contains(pages, p => p.Entities.Count == 0 && p.ContinuationToken is not null);
    }
}

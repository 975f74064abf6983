using Nurture.Core.Journeys.Batches;

namespace Nurture.Core.Tests.Journeys.Batches;

public sealed class BatchPagingTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(101, 2)]
    [InlineData(10_000, 100)]
    public void PageCount_RoundsUp_WithAtLeastOnePage(int total, int pages) =>
        Assert.Equal(pages, BatchPaging.PageCount(total));

    [Fact]
    public void Slice_CoversEveryEntryOnce_InOrder()
    {
        var entries = Enumerable.Range(0, 250).Select(i => $"c-{i}").ToList();

        var pages = Enumerable.Range(0, BatchPaging.PageCount(entries.Count)).Select(p => BatchPaging.Slice(entries, p)).ToList();

        Assert.Equal([100, 100, 50], pages.Select(p => p.Count));
        Assert.Equal(entries, pages.SelectMany(p => p));
        Assert.Empty(BatchPaging.Slice(entries, 3));
    }

    [Fact]
    public void Distinct_TrimsAndDropsRepeats_KeepingFirstSeenOrder() =>
        Assert.Equal(["c-2", "c-1", "ana@example.com"], BatchPaging.Distinct(["c-2", " c-1", "c-2", "ana@example.com", "c-1 "]));

    [Theory]
    [InlineData("c-1", null)]
    [InlineData("ana@example.com", null)]
    [InlineData("+15550123", null)]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("a/b", "character")]
    [InlineData("a#b", "character")]
    [InlineData("a?b", "character")]
    [InlineData("a\tb", "character")]
    public void EntryProblem_NamesEntriesThatCannotBeKeys(string entry, string? problem)
    {
        var found = BatchPaging.EntryProblem(entry);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EntryProblem_RejectsOverlongEntries() =>
        Assert.Contains("longer", BatchPaging.EntryProblem(new string('x', BatchPaging.MaxEntryLength + 1)), StringComparison.Ordinal);
}

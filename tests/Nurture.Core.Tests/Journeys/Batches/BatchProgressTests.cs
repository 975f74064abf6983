using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Conditions;

namespace Nurture.Core.Tests.Journeys.Batches;

public sealed class BatchProgressTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static BatchPageOutcome Page(int started, params (string Reason, int Count)[] notAdmitted) =>
        BatchPageOutcome.From(
            Enumerable.Repeat(BatchContactResult.Admitted, started)
                .Concat(notAdmitted.SelectMany(n => Enumerable.Repeat(BatchContactResult.NotAdmitted(n.Reason), n.Count))));

    [Fact]
    public void ForList_DerivesTheIdFromJourneyAndKey_AndCountsPages()
    {
        var progress = BatchProgress.ForList("welcome", 3, "req-1", 250, Now);

        Assert.Equal(JourneyIds.BatchId("welcome", "req-1"), progress.BatchId);
        Assert.Equal(BatchProgress.ForList("welcome", 3, "req-1", 7, Now).BatchId, progress.BatchId);
        Assert.NotEqual(JourneyIds.BatchId("welcome", "req-2"), progress.BatchId);
        Assert.NotEqual(JourneyIds.BatchId("win-back", "req-1"), progress.BatchId);
        Assert.Equal(3, progress.PageCount);
        Assert.Equal(250, progress.Total);
        Assert.Equal(BatchStatus.Queued, progress.Status);
        Assert.Equal("batch:" + progress.BatchId, progress.EntryKey);
    }

    [Fact]
    public void RecordPage_AddsCountsByReason_AndCompletesAfterTheLastListPage()
    {
        var progress = BatchProgress.ForList("welcome", 1, "req-1", 150, Now);

        var first = progress.RecordPage(0, Page(90, ("no such contact", 6), ("re-entry is never allowed and the contact entered before", 4)), null, Now.AddSeconds(1));
        var second = first.RecordPage(1, Page(45, ("no such contact", 5)), null, Now.AddSeconds(2));

        Assert.Equal(BatchStatus.Running, first.Status);
        Assert.Equal(Now.AddSeconds(1), first.StartedAt);
        Assert.Null(first.FinishedAt);
        Assert.Equal(1, first.NextPage);
        Assert.Equal(BatchStatus.Completed, second.Status);
        Assert.Equal(Now.AddSeconds(2), second.FinishedAt);
        Assert.Equal(150, second.Scanned);
        Assert.Equal(135, second.Started);
        Assert.Equal(11, second.NotAdmitted["no such contact"]);
        Assert.Equal(4, second.NotAdmitted["re-entry is never allowed and the contact entered before"]);
        Assert.Equal(0, progress.Scanned);
    }

    [Fact]
    public void RecordPage_RefusesAPageTwiceOrOutOfOrder_AndHasRecordedSaysSo()
    {
        var progress = BatchProgress.ForList("welcome", 1, "req-1", 300, Now).RecordPage(0, Page(100), null, Now);

        Assert.True(progress.HasRecorded(0));
        Assert.False(progress.HasRecorded(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => progress.RecordPage(0, Page(100), null, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => progress.RecordPage(2, Page(100), null, Now));
    }

    [Fact]
    public void Segment_KeepsTheContinuation_AndCompletesWhenTheScanHasNone()
    {
        var segment = Condition.Compare("contact.tags", ConditionOperator.Contains, "\"vip\"");
        var progress = BatchProgress.ForSegment("flash-sale", 2, "req-1", segment, "custom", Now);

        var first = progress.RecordPage(0, Page(3, (BatchReasons.NotInSegment, 97)), "next-token", Now);
        var last = first.RecordPage(1, Page(1, (BatchReasons.NotInSegment, 20)), null, Now);

        Assert.Null(progress.Total);
        Assert.Equal("next-token", first.Continuation);
        Assert.Equal(BatchStatus.Running, first.Status);
        Assert.Equal(BatchStatus.Completed, last.Status);
        Assert.Null(last.Continuation);
        Assert.Equal(121, last.Scanned);
        Assert.Equal(4, last.Started);
        Assert.Equal(117, last.NotAdmitted[BatchReasons.NotInSegment]);
        Assert.True(last.HasRecorded(2));
    }

    [Fact]
    public void Fail_StopsTheBatchOnce_WithTheError()
    {
        var progress = BatchProgress.ForList("welcome", 1, "req-1", 10, Now).Begin(Now);

        var failed = progress.Fail("page 0 failed 5 times: InvalidDataException", Now.AddMinutes(1));

        Assert.Equal(BatchStatus.Failed, failed.Status);
        Assert.Equal(["page 0 failed 5 times: InvalidDataException"], failed.Errors);
        Assert.Equal(Now.AddMinutes(1), failed.FinishedAt);
        Assert.Same(failed, failed.Fail("again", Now.AddMinutes(2)));
        Assert.True(failed.HasRecorded(0));
    }

    [Fact]
    public void Begin_MarksRunningOnce()
    {
        var queued = BatchProgress.ForList("welcome", 1, "req-1", 10, Now);

        var running = queued.Begin(Now.AddSeconds(1));

        Assert.Equal(BatchStatus.Running, running.Status);
        Assert.Equal(Now.AddSeconds(1), running.StartedAt);
        Assert.Same(running, running.Begin(Now.AddSeconds(5)));
    }
}

using Nurture.Core.Journeys.Batches;

namespace Nurture.Functions.Tests.Journeys.Batches;

/// <summary>A page that keeps failing ends the batch as failed, with the error, instead of leaving it running.</summary>
public sealed class FailedBatchTests
{
    [Fact]
    public async Task PageThatFailsEveryAttempt_MarksTheBatchFailed_WithTheError()
    {
        await using var app = await BatchTestApp.StartAsync([BatchTestApp.Parse(BatchTestApp.Hold)]);

        // A batch whose stored list is gone: reading page 0 fails on every attempt.
        var progress = BatchProgress.ForList("hold", 1, "broken", 3, DateTimeOffset.UtcNow);
        await app.Batches.EnsureCreatedAsync();
        Assert.True(await app.Batches.Batches.CreateAsync(progress));
        await app.Batches.Queue.EnqueueAsync(progress.BatchId, 0);

        var failed = await app.WaitFinishedAsync(progress.BatchId);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Equal(0, failed.GetProperty("pages_done").GetInt32());
        Assert.Equal(0, failed.GetProperty("started").GetInt32());
        var error = Assert.Single(failed.GetProperty("errors").EnumerateArray()).GetString();
        Assert.Contains("page 0 failed 5 times: InvalidDataException", error, StringComparison.Ordinal);
        Assert.NotNull(failed.GetProperty("finished_at").GetString());
    }
}

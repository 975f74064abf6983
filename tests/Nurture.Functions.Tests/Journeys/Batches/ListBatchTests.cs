using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Entry;
using Nurture.Functions.Journeys.Batches;
using Nurture.Functions.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys.Batches;

/// <summary>List starts on Azurite through the real host: counts, one instance per contact, idempotent requests and pages.</summary>
public sealed class ListBatchTests
{
    private static string Id(int i) => "c-" + i.ToString("D3", CultureInfo.InvariantCulture);

    private static async Task SeedManyAsync(BatchTestApp app, int count)
    {
        foreach (var chunk in Enumerable.Range(0, count).Chunk(16))
        {
            await Task.WhenAll(chunk.Select(i => app.SeedAsync(Id(i))));
        }
    }

    [Fact]
    public async Task ListStart_StartsEveryAdmittedContactOnce_ShowsProgressWhileRunning_AndCountsEachReason()
    {
        ContactGate? gate = null;
        await using var app = await BatchTestApp.StartAsync(
            [BatchTestApp.Parse(BatchTestApp.Hold)],
            inner => gate = new ContactGate(inner, Id(180)));
        await SeedManyAsync(app, 250);
        var single = await app.Client.PostAsJsonAsync("api/journeys/hold/start", new { contact_id = Id(0), request_key = "single" });
        Assert.Equal(HttpStatusCode.Accepted, single.StatusCode);
        var unknown = Enumerable.Range(0, 5).Select(i => $"nobody-{i}").ToList();
        var ids = Enumerable.Range(0, 250).Select(Id).Append(Id(1)).Concat(unknown).ToList();

        var accepted = await app.PostBatchAsync("hold", new { contact_ids = ids, request_key = "list-1" });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = body.GetProperty("batch_id").GetString()!;
        Assert.Equal(JourneyIds.BatchId("hold", "list-1"), batchId);
        Assert.Equal(body.GetProperty("status_url").GetString(), accepted.Headers.Location?.OriginalString);

        // Page 1 holds on contact c-180: page 0's counts are visible while the batch runs.
        await gate!.Entered.WaitAsync(TimeSpan.FromSeconds(60));
        JsonElement running = default;
        await Eventually.HoldsAsync(
            async () =>
            {
                running = await app.GetBatchAsync(batchId);
                return running.GetProperty("pages_done").GetInt32() == 1;
            },
            TimeSpan.FromSeconds(60),
            "page 0 was recorded");
        Assert.Equal("running", running.GetProperty("status").GetString());
        Assert.Equal(255, running.GetProperty("total").GetInt32());
        Assert.Equal(100, running.GetProperty("scanned").GetInt32());
        Assert.Equal(99, running.GetProperty("started").GetInt32());
        Assert.False(running.TryGetProperty("finished_at", out _));

        var retried = await app.PostBatchAsync("hold", new { contact_ids = new[] { "c-999" }, request_key = "list-1" });
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(batchId, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString());

        gate.Release();
        var done = await app.WaitFinishedAsync(batchId);

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("list", done.GetProperty("source").GetString());
        Assert.Equal(1, done.GetProperty("version").GetInt32());
        Assert.Equal(255, done.GetProperty("scanned").GetInt32());
        Assert.Equal(3, done.GetProperty("pages_done").GetInt32());
        Assert.Equal(249, done.GetProperty("started").GetInt32());
        Assert.Equal(5, BatchTestApp.NotAdmitted(done, BatchReasons.NoSuchContact));
        Assert.Equal(1, BatchTestApp.NotAdmitted(done, "an instance is already live for this contact and key"));
        Assert.Equal(6, done.GetProperty("not_admitted").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.NotNull(done.GetProperty("started_at").GetString());
        Assert.NotNull(done.GetProperty("finished_at").GetString());
        Assert.Empty(done.GetProperty("errors").EnumerateArray());

        var instances = await app.InstancesAsync("hold", Enumerable.Range(0, 250).Select(Id));
        Assert.All(
            Enumerable.Range(1, 249).Select(Id),
            c => Assert.Equal(JourneyIds.InstanceId("hold", c, "batch:" + batchId), Assert.Single(instances[c]).InstanceId));
        Assert.Equal(JourneyIds.InstanceId("hold", Id(0), "single"), Assert.Single(instances[Id(0)]).InstanceId);
    }

    [Fact]
    public async Task RedeliveredPages_ChangeNothing_APageRetriedAfterACrashCountsWhatItStartedOnce_AndAContactNamedTwiceStartsOnce()
    {
        await using var app = await BatchTestApp.StartAsync([BatchTestApp.Parse(BatchTestApp.Hold)]);
        await SeedManyAsync(app, 150);
        var ids = Enumerable.Range(0, 150).Select(Id).ToList();

        // c-003 absorbed m-merged in a merge: page 1 names, under another id, a contact page 0 started.
        await app.Profiles.MarkMergedAsync("m-merged", Id(3));
        var list = ids.Append("m-merged").ToList();

        // A crashed first attempt of page 0: the batch exists, three of its contacts were started, nothing was recorded.
        var definition = BatchTestApp.Parse(BatchTestApp.Hold);
        var progress = BatchProgress.ForList("hold", 1, "crashed", list.Count, DateTimeOffset.UtcNow);
        await app.Batches.EnsureCreatedAsync();
        await app.Batches.Batches.SaveListAsync(progress.BatchId, list);
        Assert.True(await app.Batches.Batches.CreateAsync(progress));
        foreach (var contactId in ids.Take(3))
        {
            var decision = JourneyEntryEvaluator.ForApi(definition, new JourneyContact(contactId), progress.EntryKey, [], DateTimeOffset.UtcNow);
            await app.Starter.StartAsync(app.Durable, decision.State!, definition, null, DateTimeOffset.UtcNow);
        }

        // The retry, delivered twice at once.
        await Task.WhenAll(
            app.Processor.ProcessAsync(new BatchPageMessage(progress.BatchId, 0), app.Durable),
            app.Processor.ProcessAsync(new BatchPageMessage(progress.BatchId, 0), app.Durable));
        var done = await app.WaitFinishedAsync(progress.BatchId);
        await Eventually.HoldsAsync(async () => await app.PendingPagesAsync() == 0, TimeSpan.FromSeconds(60), "no page message is left");

        // Every page delivered again, by hand and through the queue.
        await app.Processor.ProcessAsync(new BatchPageMessage(progress.BatchId, 0), app.Durable);
        await app.Processor.ProcessAsync(new BatchPageMessage(progress.BatchId, 1), app.Durable);
        await app.Batches.Queue.EnqueueAsync(progress.BatchId, 0);
        await app.Batches.Queue.EnqueueAsync(progress.BatchId, 1);
        await Eventually.HoldsAsync(async () => await app.PendingPagesAsync() == 0, TimeSpan.FromSeconds(60), "the redelivered pages were handled");
        var after = await app.GetBatchAsync(progress.BatchId);

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(150, done.GetProperty("started").GetInt32());
        Assert.Equal(151, done.GetProperty("scanned").GetInt32());
        Assert.Equal(1, Assert.Single(done.GetProperty("not_admitted").EnumerateObject(), p => p.Name == BatchReasons.DuplicateInList).Value.GetInt32());
        Assert.Single(done.GetProperty("not_admitted").EnumerateObject());
        Assert.Equal(done.GetRawText(), after.GetRawText());
        var instances = await app.InstancesAsync("hold", ids);
        Assert.All(ids, c => Assert.Equal(JourneyIds.InstanceId("hold", c, progress.EntryKey), Assert.Single(instances[c]).InstanceId));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Batches;
using Nurture.Core.Journeys.Examples;

namespace Nurture.Functions.Tests.Journeys.Batches;

/// <summary>Segment starts on Azurite: a scan of the stored profiles, page by page, starts exactly the matching contacts.</summary>
public sealed class SegmentBatchTests
{
    [Fact]
    public async Task CustomSegment_ScansEveryProfileAcrossPages_AndStartsExactlyTheMatchingOnes()
    {
        await using var app = await BatchTestApp.StartAsync([BatchTestApp.Parse(BatchTestApp.Hold)]);

        // 130 profiles (two scan pages): every third is a VIP, every second lives in Lisbon; VIPs in Lisbon match.
        var ids = Enumerable.Range(0, 130).Select(i => "s-" + i.ToString("D3", CultureInfo.InvariantCulture)).ToList();
        foreach (var chunk in ids.Select((id, i) => (id, i)).Chunk(16))
        {
            await Task.WhenAll(chunk.Select(c => app.SeedAsync(
                c.id,
                c.i % 3 == 0 ? ["vip"] : ["regular"],
                new Dictionary<string, string> { ["city"] = c.i % 2 == 0 ? "Lisbon" : "Porto" })));
        }

        var matching = ids.Where((_, i) => i % 3 == 0 && i % 2 == 0).ToHashSet(StringComparer.Ordinal);
        var segment = new
        {
            all = new object[]
            {
                new { path = "contact.tags", op = "contains", value = "vip" },
                new { path = "contact.attributes.city", op = "eq", value = "Lisbon" },
            },
        };

        var accepted = await app.PostBatchAsync("hold", new { segment, request_key = "segment-1" });

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var batchId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString()!;
        var done = await app.WaitFinishedAsync(batchId);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal("segment", done.GetProperty("source").GetString());
        Assert.Equal("custom", done.GetProperty("segment").GetString());
        Assert.False(done.TryGetProperty("total", out _));
        Assert.Equal(130, done.GetProperty("scanned").GetInt32());
        Assert.True(done.GetProperty("pages_done").GetInt32() >= 2);
        Assert.Equal(matching.Count, done.GetProperty("started").GetInt32());
        Assert.Equal(130 - matching.Count, BatchTestApp.NotAdmitted(done, BatchReasons.NotInSegment));

        var instances = await app.InstancesAsync("hold", ids);
        Assert.All(ids, c =>
        {
            if (matching.Contains(c))
            {
                Assert.Equal(JourneyIds.InstanceId("hold", c, "batch:" + batchId), Assert.Single(instances[c]).InstanceId);
            }
            else
            {
                Assert.Empty(instances[c]);
            }
        });
    }

    [Fact]
    public async Task JourneySegment_UsesTheJourneysOwnEntrySegment_AndASecondRunAdmitsNobodyTwice()
    {
        await using var app = await BatchTestApp.StartAsync([JourneyExamples.Load("flash-sale")]);
        await app.SeedAsync("vip-1", ["vip"]);
        await app.SeedAsync("vip-2", ["vip", "newsletter"]);
        await app.SeedAsync("plain-1", ["newsletter"]);
        await app.SeedAsync("plain-2");

        var first = await app.PostBatchAsync("flash-sale", new { segment = "journey", request_key = "sale-1" });
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString()!;
        var firstDone = await app.WaitFinishedAsync(firstId);

        // The first run's instances are still live (flash-sale waits for the morning): a second run admits nobody.
        var second = await app.PostBatchAsync("flash-sale", new { segment = "journey", request_key = "sale-2" });
        var secondDone = await app.WaitFinishedAsync((await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batch_id").GetString()!);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("journey", firstDone.GetProperty("segment").GetString());
        Assert.Equal(4, firstDone.GetProperty("scanned").GetInt32());
        Assert.Equal(2, firstDone.GetProperty("started").GetInt32());
        Assert.Equal(2, BatchTestApp.NotAdmitted(firstDone, BatchReasons.NotInSegment));
        Assert.Equal(0, secondDone.GetProperty("started").GetInt32());
        Assert.Equal(2, BatchTestApp.NotAdmitted(secondDone, "an instance is already live for this contact and key"));
        var instances = await app.InstancesAsync("flash-sale", ["vip-1", "vip-2", "plain-1", "plain-2"]);
        Assert.Single(instances["vip-1"]);
        Assert.Single(instances["vip-2"]);
        Assert.Empty(instances["plain-1"]);
        Assert.Empty(instances["plain-2"]);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nurture.Core.Journeys.Batches;

namespace Nurture.Functions.Tests.Journeys.Batches;

/// <summary>Bad batch requests get problem+json that names what to fix; nothing is created.</summary>
public sealed class BatchValidationTests
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string mentions)
    {
        var problem = await ProblemAsync(response, status);
        Assert.Contains(mentions, problem.GetProperty("title").GetString() + " " + problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadRequests_AreProblemsNamingTheFix()
    {
        await using var app = await BatchTestApp.StartAsync([BatchTestApp.Parse(BatchTestApp.Hold)]);
        var tooMany = Enumerable.Range(0, BatchPaging.MaxListSize + 1).Select(i => $"c-{i}").ToArray();

        await AssertProblemAsync(await app.PostBatchAsync("hold", new { contact_ids = new[] { "c-1" } }), HttpStatusCode.BadRequest, "Idempotency-Key");
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { request_key = "k" }), HttpStatusCode.BadRequest, "either contact_ids or segment");
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { contact_ids = new[] { "c-1" }, segment = "journey", request_key = "k" }), HttpStatusCode.BadRequest, "either contact_ids or segment");
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { contact_ids = Array.Empty<string>(), request_key = "k" }), HttpStatusCode.BadRequest, "contact_ids is empty");
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { contact_ids = tooMany, request_key = "k" }), HttpStatusCode.RequestEntityTooLarge, "at most 10,000");
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { contact_ids = new[] { "c-1", "a/b" }, request_key = "k" }), HttpStatusCode.BadRequest, "'a/b'");
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { segment = "journey", request_key = "k" }), HttpStatusCode.BadRequest, "no entry segment");
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { segment = "everyone", request_key = "k" }), HttpStatusCode.BadRequest, "Unknown segment");
        await AssertProblemAsync(await app.PostBatchAsync("nope", new { segment = "journey", request_key = "k" }), HttpStatusCode.NotFound, "no published version");
        using var notJson = new StringContent("{ not json", Encoding.UTF8, "application/json");
        await AssertProblemAsync(await app.Client.PostAsync("api/journeys/hold/batch-starts", notJson), HttpStatusCode.BadRequest, "not a batch start request");

        var badField = await ProblemAsync(
            await app.PostBatchAsync("hold", new { segment = new { any = new object[] { new { path = "contact.shoe_size", op = "eq", value = 42 }, new { path = "event.total", op = "gt", value = 1 } } }, request_key = "k" }),
            HttpStatusCode.BadRequest);
        var errors = badField.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["segment.any[0].path", "segment.any[1].path"], errors.Select(e => e.GetProperty("path").GetString()));
        Assert.Contains("contact.shoe_size", errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);

        await AssertProblemAsync(await app.Client.GetAsync("api/journeys/batches/jb-missing"), HttpStatusCode.NotFound, "jb-missing");
        await app.Journeys.Definitions.SetPausedAsync("hold", true);
        await AssertProblemAsync(await app.PostBatchAsync("hold", new { contact_ids = new[] { "c-1" }, request_key = "k" }), HttpStatusCode.Conflict, "paused");

        using var anonymous = new HttpClient { BaseAddress = app.Host.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("api/journeys/hold/batch-starts", new { segment = "journey", request_key = "k" })).StatusCode);
        Assert.Null(await app.Batches.Batches.GetAsync(Core.Journeys.JourneyIds.BatchId("hold", "k")));
    }
}

using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Nurture.Core.Journeys.Model;
using Nurture.Functions.Journeys;
using Nurture.Functions.SendTime;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Storage.Tests.Infrastructure;
using static Nurture.Functions.Tests.SendTime.SendTimeHistory;

namespace Nurture.Functions.Tests.SendTime;

/// <summary>
/// The send-time endpoints on the real host, with histories loaded as live traffic would bring them: the track API with
/// past timestamps and a profile time zone, and signed SendGrid event webhooks with machine opens flagged.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class SendTimeApiTests(IngestionHostFixture fixture)
{
    private const string LosAngeles = "America/Los_Angeles";
    private static readonly TimeZoneInfo LosAngelesZone = TimeZoneInfo.FindSystemTimeZoneById(LosAngeles);

    [Fact]
    public async Task HistoryLoadedThroughIngestion_GivesAPersonalTime_AtTheSeededEveningRoutine_InTheContactsZone()
    {
        var email = Shopper.Unique().Email;
        var now = DateTimeOffset.UtcNow;
        var track = new List<object> { Track("identify", email, now.AddDays(-40), new { timeZone = LosAngeles }) };
        for (var day = 1; day <= 30; day++)
        {
            track.Add(Track("page_viewed", email, LocalInstant(LosAngelesZone, day, new TimeOnly(20, 45), now), new { url = "/" }));
            track.Add(Track("product_viewed", email, LocalInstant(LosAngelesZone, day, new TimeOnly(20, 55), now), new { productId = "p" + day }));
        }

        // Campaigns went out at 07:00 local (10:00 in New York): each delivery drew a privacy proxy's machine open,
        // and three of them a human click in the evening.
        var sendGrid = new List<Dictionary<string, object>>();
        for (var day = 1; day <= 28; day += 3)
        {
            var messageId = "m-" + day.ToString(CultureInfo.InvariantCulture);
            var delivered = LocalInstant(LosAngelesZone, day, new TimeOnly(7, 0), now);
            sendGrid.Add(SendGridEvent("delivered", email, delivered, messageId));
            sendGrid.Add(SendGridEvent("open", email, delivered.AddMinutes(2), messageId, machineOpen: true));
            if (day is 4 or 13 or 22)
            {
                sendGrid.Add(SendGridEvent("click", email, LocalInstant(LosAngelesZone, day, new TimeOnly(20, 40), now), messageId));
            }
        }

        await TrackAsync(fixture, track);
        await PostSendGridAsync(fixture, sendGrid);

        // The window starts at the next 06:00 in Los Angeles, so the answer does not depend on when the test runs.
        var from = NextLocal(LosAngelesZone, new TimeOnly(6, 0), now);
        var path = $"api/contacts/{Uri.EscapeDataString(email)}/send-time?channel=email&within=24h&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}";
        var answer = await Poll.UntilAsync(
            async () =>
            {
                using var response = await fixture.SendWithKeyAsync(HttpMethod.Get, path);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return body.GetProperty("evidence_count").GetInt32() == 63 ? new Answer(body) : null;
            },
            TimeSpan.FromSeconds(60),
            "the 60 page and product views and 3 clicks counted, not the 10 machine opens");

        var advice = answer.Body;
        Assert.Equal("personal", advice.GetProperty("basis").GetString());
        Assert.Equal(LosAngeles, advice.GetProperty("time_zone").GetString());
        Assert.Equal("profile", advice.GetProperty("zone_source").GetString());
        Assert.Equal("email", advice.GetProperty("channel").GetString());
        var at = advice.GetProperty("at").GetDateTimeOffset();
        var localAt = advice.GetProperty("local_at").GetDateTimeOffset();
        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Equal(at, localAt);
        Assert.Equal(LosAngelesZone.GetUtcOffset(at), localAt.Offset);
        Assert.InRange(localAt.TimeOfDay, new TimeSpan(19, 0, 0), new TimeSpan(21, 0, 0));
        Assert.InRange(at, from, from.AddHours(24));
        Assert.Equal(from, advice.GetProperty("window_start").GetDateTimeOffset());
        Assert.Equal(15, advice.GetProperty("resolution_minutes").GetInt32());
        Assert.InRange(advice.GetProperty("confidence").GetDouble(), 0.3, 1);
        Assert.True(advice.GetProperty("lift").GetDouble() > 1);
    }

    [Fact]
    public async Task MachineOpensAndDeliveries_AreNotEvidence_AHumanOpenIs()
    {
        var email = Shopper.Unique().Email;
        var now = DateTimeOffset.UtcNow;
        var events = new List<Dictionary<string, object>>();
        for (var day = 1; day <= 4; day++)
        {
            var delivered = now.AddDays(-day);
            events.Add(SendGridEvent("delivered", email, delivered, "d-" + day.ToString(CultureInfo.InvariantCulture)));
            events.Add(SendGridEvent("open", email, delivered.AddMinutes(1), "d-" + day.ToString(CultureInfo.InvariantCulture), machineOpen: true));
        }

        events.Add(SendGridEvent("open", email, now.AddDays(-1).AddHours(9), "d-1", machineOpen: false));
        await PostSendGridAsync(fixture, events);
        await ContactsApi.WaitForAsync(fixture, email, c => c.GetProperty("timeline").GetArrayLength() == 9, "the nine SendGrid events");

        using var response = await fixture.SendWithKeyAsync(HttpMethod.Get, $"api/contacts/{Uri.EscapeDataString(email)}/send-time");
        var advice = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, advice.GetProperty("evidence_count").GetInt32());
        Assert.NotEqual("personal", advice.GetProperty("basis").GetString());
    }

    [Theory]
    [InlineData("within=0h", "within")]
    [InlineData("within=200h", "within")]
    [InlineData("within=tomorrow", "within")]
    [InlineData("channel=fax", "channel")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-12-05T09:00:00", "from")]
    public async Task BadQuery_IsAProblemNamingTheParameter(string query, string parameter)
    {
        var email = await KnownContactAsync();

        using var response = await fixture.SendWithKeyAsync(HttpMethod.Get, $"api/contacts/{Uri.EscapeDataString(email)}/send-time?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(parameter, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownContact_Is404_AndTheKeyIsRequired()
    {
        using var unknown = await fixture.SendWithKeyAsync(HttpMethod.Get, "api/contacts/nobody-" + Guid.NewGuid().ToString("N") + "/send-time");
        using var anonymous = await fixture.Host.Client.GetAsync("api/contacts/anyone/send-time");
        using var anonymousBatch = await fixture.Host.Client.PostAsync("api/send-times", Json(new { contacts = new[] { "anyone" } }));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousBatch.StatusCode);
    }

    [Fact]
    public async Task Batch_AnswersEachKnownContactInOrder_AndListsTheUnknown()
    {
        var first = await KnownContactAsync();
        var second = await KnownContactAsync();
        var nobody = "nobody-" + Guid.NewGuid().ToString("N");

        using var response = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/send-times", Json(new { contacts = new[] { second, nobody, first }, channel = "sms", within = "12h" }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.GetProperty("count").GetInt32());
        var answers = body.GetProperty("send_times").EnumerateArray().ToList();
        Assert.Equal(2, answers.Count);
        Assert.All(answers, a =>
        {
            Assert.Equal("sms", a.GetProperty("channel").GetString());
            var start = a.GetProperty("window_start").GetDateTimeOffset();
            Assert.Equal(start.AddHours(12), a.GetProperty("window_end").GetDateTimeOffset());
        });
        Assert.NotEqual(answers[0].GetProperty("contact_id").GetString(), answers[1].GetProperty("contact_id").GetString());
        Assert.Equal(nobody, Assert.Single(body.GetProperty("not_found").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Batch_OfMoreThanAThousand_OrNone_OrABadWindow_IsAProblem()
    {
        var tooMany = Enumerable.Range(0, AdviseSendTimes.MaxContacts + 1).Select(i => "c-" + i.ToString(CultureInfo.InvariantCulture)).ToArray();

        using var many = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/send-times", Json(new { contacts = tooMany }));
        using var none = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/send-times", Json(new { contacts = Array.Empty<string>() }));
        using var window = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/send-times", Json(new { contacts = new[] { "c-1" }, within = "9d" }));
        using var notJson = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/send-times", new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal("application/problem+json", many.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1000", await many.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, window.StatusCode);
        Assert.Contains("within", await window.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBothEndpoints()
    {
        using var response = await fixture.Host.Client.GetAsync("api/openapi.json");
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");

        var single = paths.GetProperty("/api/contacts/{id}/send-time").GetProperty("get");
        var batch = paths.GetProperty("/api/send-times").GetProperty("post");
        Assert.True(single.TryGetProperty("security", out _));
        Assert.True(batch.TryGetProperty("security", out _));
        var parameters = single.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["id", "channel", "within", "from"], parameters);
        Assert.True(single.GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(batch.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(batch.TryGetProperty("requestBody", out _));
    }

    [Fact]
    public async Task AFullFrequencyCap_MovesTheAdvicePastTheWindow_NeverDropsIt()
    {
        var email = await KnownContactAsync();
        var contactId = (await ContactsApi.WaitForAsync(fixture, email, _ => true, "the contact")).GetProperty("contact_id").GetString()!;
        var journeys = (JourneyStorage)fixture.Host.Services.GetService(typeof(JourneyStorage))!;
        await journeys.EnsureCreatedAsync();
        var now = DateTimeOffset.UtcNow;

        // Two marketing emails in the last hour fill the default cap of 2 in any 24 hours.
        foreach (var (id, sentAt) in new[] { ("jm-" + Guid.NewGuid().ToString("N"), now.AddMinutes(-60)), ("jm-" + Guid.NewGuid().ToString("N"), now.AddMinutes(-30)) })
        {
            await journeys.Ledger.ReserveAsync(id, contactId, MessageChannel.Email, marketing: true, sentAt);
            await journeys.Ledger.MarkSentAsync(id, "outbox-" + id, sentAt);
        }

        using var email2h = await fixture.SendWithKeyAsync(HttpMethod.Get, $"api/contacts/{Uri.EscapeDataString(email)}/send-time?channel=email&within=2h");
        // SMS has its own cap, and 12 hours always reach past its default quiet hours (21:00-08:00).
        using var sms12h = await fixture.SendWithKeyAsync(HttpMethod.Get, $"api/contacts/{Uri.EscapeDataString(email)}/send-time?channel=sms&within=12h");
        var capped = JsonDocument.Parse(await email2h.Content.ReadAsStringAsync()).RootElement;
        var free = JsonDocument.Parse(await sms12h.Content.ReadAsStringAsync()).RootElement;

        Assert.True(capped.GetProperty("beyond_window").GetBoolean());
        Assert.True(capped.GetProperty("at").GetDateTimeOffset() >= now.AddMinutes(-60).AddHours(24).AddSeconds(-1));
        Assert.False(free.GetProperty("beyond_window").GetBoolean());
        Assert.True(free.GetProperty("at").GetDateTimeOffset() <= free.GetProperty("window_end").GetDateTimeOffset());
    }

    private static DateTimeOffset NextLocal(TimeZoneInfo zone, TimeOnly time, DateTimeOffset now)
    {
        var candidate = LocalInstant(zone, 0, time, now);
        return candidate > now ? candidate : LocalInstant(zone, -1, time, now);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private async Task<string> KnownContactAsync()
    {
        var email = Shopper.Unique().Email;
        await TrackAsync(fixture, [Track("page_viewed", email, DateTimeOffset.UtcNow.AddHours(-3), new { url = "/" })]);
        await ContactsApi.WaitForAsync(fixture, email, _ => true, "the tracked contact");
        return email;
    }

    private sealed record Answer(JsonElement Body);
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Nurture.Channels.Webhooks;
using Nurture.Functions.Tests.Ingestion;

namespace Nurture.Functions.Tests.SendTime;

/// <summary>Loads a contact's history through the public ingestion paths: the track API with past timestamps and SendGrid event webhooks.</summary>
internal static class SendTimeHistory
{
    /// <summary>The instant of <paramref name="localTime"/> on the local date <paramref name="daysAgo"/> days before today in <paramref name="zone"/>.</summary>
    public static DateTimeOffset LocalInstant(TimeZoneInfo zone, int daysAgo, TimeOnly localTime, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var local = today.AddDays(-daysAgo).ToDateTime(localTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>Posts track events (at most 500) with the function key.</summary>
    public static async Task TrackAsync(IngestionHostFixture fixture, IEnumerable<object> events)
    {
        foreach (var chunk in events.Chunk(TrackChunk))
        {
            using var response = await fixture.SendWithKeyAsync(HttpMethod.Post, "api/events", new StringContent(JsonSerializer.Serialize(chunk), Encoding.UTF8, "application/json"));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    /// <summary>One track event.</summary>
    public static object Track(string type, string email, DateTimeOffset at, object? properties = null) =>
        new { type, contact = new { email }, occurredAt = at.ToString("O", CultureInfo.InvariantCulture), properties = properties ?? new { }, idempotencyKey = Guid.NewGuid().ToString("N") };

    /// <summary>One SendGrid event.</summary>
    public static Dictionary<string, object> SendGridEvent(string kind, string email, DateTimeOffset at, string messageId, bool? machineOpen = null)
    {
        var evt = new Dictionary<string, object>
        {
            ["email"] = email,
            ["event"] = kind,
            ["timestamp"] = at.ToUnixTimeSeconds(),
            ["sg_event_id"] = Guid.NewGuid().ToString("N"),
            ["sg_message_id"] = messageId,
        };
        if (machineOpen is { } machine)
        {
            evt["sg_machine_open"] = machine;
        }

        return evt;
    }

    /// <summary>Posts SendGrid events signed now with the fixture's key.</summary>
    public static async Task PostSendGridAsync(IngestionHostFixture fixture, IReadOnlyList<Dictionary<string, object>> events)
    {
        var body = JsonSerializer.Serialize(events);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = fixture.SendGridKey.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/sendgrid") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SendGridSignatureVerifier.SignatureHeaderName, Convert.ToBase64String(signature));
        request.Headers.Add(SendGridSignatureVerifier.TimestampHeaderName, timestamp);
        using var response = await fixture.Host.Client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
    }

    private const int TrackChunk = 200;
}

using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Nurture.Channels.Unsubscribe;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Profiles;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>The unsubscribe links: RFC 8058 one-click POST, a confirmation page on GET, on signed tokens.</summary>
[Collection(DeliveryCollection.Name)]
public sealed class UnsubscribeTests(DeliveryHostFixture app)
{
    [Fact]
    public async Task OneClickPost_TurnsConsentOff_WithSourceAndTime_AndRepeatingItChangesNothing()
    {
        var (contactId, _, _) = await app.SeedShopperAsync();
        var url = "api/unsubscribe?token=" + Uri.EscapeDataString(Token(contactId, MessageChannel.Email));
        var before = DateTimeOffset.UtcNow;

        using var first = await PostOneClickAsync(url);
        var afterFirst = await app.ProfileAsync(contactId);
        using var second = await PostOneClickAsync(url);
        var afterSecond = await app.ProfileAsync(contactId);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("unsubscribed", await first.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ConsentStatus.Denied, afterFirst.EmailConsent.Status);
        Assert.Equal("unsubscribe:link", afterFirst.EmailConsent.Source);
        Assert.InRange(afterFirst.EmailConsent.At!.Value, before.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal(afterFirst.EmailConsent, afterSecond.EmailConsent);
        Assert.Equal(ConsentStatus.Granted, afterSecond.SmsConsent.Status);
        var changes = new List<StoredEvent>();
        await foreach (var stored in app.Ingestion.Events.ReadTimelineAsync(contactId, 50))
        {
            if (stored.Event.Type == EventTypes.ConsentChanged)
            {
                changes.Add(stored);
            }
        }

        Assert.Single(changes);
    }

    [Fact]
    public async Task TheSameLink_AfterAFreshOptIn_UnsubscribesAgain()
    {
        var (contactId, _, _) = await app.SeedShopperAsync();
        var url = "api/unsubscribe?token=" + Uri.EscapeDataString(Token(contactId, MessageChannel.Email));
        using var first = await PostOneClickAsync(url);
        var optedInAt = DateTimeOffset.UtcNow;
        await app.Ingestion.Profiles.UpdateAsync(contactId, p => p with { EmailConsent = new ConsentState(ConsentStatus.Granted, "shopify", optedInAt, null) });

        using var second = await PostOneClickAsync(url);

        var consent = (await app.ProfileAsync(contactId)).EmailConsent;
        Assert.Equal(ConsentStatus.Denied, consent.Status);
        Assert.True(consent.At >= optedInAt);
    }

    [Fact]
    public async Task Get_ShowsAConfirmationPageThatPosts_AndChangesNothing()
    {
        var (contactId, _, _) = await app.SeedShopperAsync();
        var token = Token(contactId, MessageChannel.Sms);

        using var page = await app.Host.Client.GetAsync("api/unsubscribe?token=" + Uri.EscapeDataString(token));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("text messages", html, StringComparison.Ordinal);
        Assert.Equal(ConsentStatus.Granted, (await app.ProfileAsync(contactId)).SmsConsent.Status);

        using var confirmed = await app.Host.Client.PostAsync("api/unsubscribe?token=" + Uri.EscapeDataString(token), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(ConsentStatus.Denied, (await app.ProfileAsync(contactId)).SmsConsent.Status);
        Assert.Equal(ConsentStatus.Granted, (await app.ProfileAsync(contactId)).EmailConsent.Status);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task BadTokens_AreRefused_AndNothingChanges(string token)
    {
        using var post = await PostOneClickAsync("api/unsubscribe?token=" + Uri.EscapeDataString(token));
        using var get = await app.Host.Client.GetAsync("api/unsubscribe?token=" + Uri.EscapeDataString(token));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, get.StatusCode);
    }

    [Fact]
    public async Task ATokenSignedWithAnotherSecret_IsRefused()
    {
        var (contactId, _, _) = await app.SeedShopperAsync();
        var forged = new UnsubscribeTokens(Microsoft.Extensions.Options.Options.Create(new UnsubscribeOptions { Secret = "another-secret-0123456789abcdef0123456789abcdef" }))
            .Issue(contactId, MessageChannel.Email, null, DateTimeOffset.UtcNow);

        using var post = await PostOneClickAsync("api/unsubscribe?token=" + Uri.EscapeDataString(forged));

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(ConsentStatus.Granted, (await app.ProfileAsync(contactId)).EmailConsent.Status);
    }

    private string Token(string contactId, MessageChannel channel) =>
        app.Host.Services.GetRequiredService<UnsubscribeTokens>().Issue(contactId, channel, null, DateTimeOffset.UtcNow);

    /// <summary>What a mail client sends for RFC 8058 one-click: a form body of <c>List-Unsubscribe=One-Click</c>.</summary>
    private Task<HttpResponseMessage> PostOneClickAsync(string url) =>
        app.Host.Client.PostAsync(url, new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
}

using System.Text.Json;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Profiles;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.Tests.Infrastructure;
using Nurture.Storage.Repositories;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Journeys;

public sealed class ProfileContactSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly TestStorageAccounts _storage = TestStorageAccounts.IsolatedAzurite();
    private readonly ManualTimeProvider _clock = new(Now);
    private readonly ProfileContactSource _source;

    public ProfileContactSourceTests() =>
        _source = new ProfileContactSource(_storage, Options.Create(new ProfileOptions()), Options.Create(new IngestionOptions()), _clock);

    [Fact]
    public async Task Get_ProjectsTheStoredProfile_WithItsAddressesAndFirstName()
    {
        var profiles = new ProfileStore(_storage.Tables);
        await profiles.InitializeAsync();
        await profiles.UpdateAsync("c-1", p => p with
        {
            Emails = p.Emails.Add("ana@example.com"),
            Attributes = p.Attributes.SetItem(ProfileAttributes.FirstName, new StampedValue("Ana", Now, "shopify")),
            Tags = p.Tags.SetItem("vip", new ProfileTag("vip", TagSource.Platform, Now)),
        });

        var recipient = (await _source.GetAsync("c-1"))!;

        Assert.Equal("ana@example.com", recipient.Email);
        Assert.Null(recipient.Phone);
        Assert.Equal("Ana", recipient.FirstName);
        Assert.True(recipient.Contact.HasEmail);
        Assert.False(recipient.Contact.HasPhone);
        Assert.Equal(["vip"], recipient.Contact.TagsOrEmpty);
        Assert.Null(await _source.GetAsync("c-unknown"));
    }

    [Fact]
    public async Task Get_SuppressesTheChannel_WhenTheSuppressionListHoldsTheAddressTheSendWouldUse()
    {
        var profiles = new ProfileStore(_storage.Tables);
        await profiles.InitializeAsync();
        var suppression = new SuppressionList(_storage.Tables, new IngestionOptions().SuppressionSalt);
        await suppression.InitializeAsync();
        var granted = new ConsentState(Core.Journeys.Contacts.ConsentStatus.Granted, "shopify", Now.AddDays(-2), null);
        await profiles.UpdateAsync("c-3", p => p with { Emails = p.Emails.Add("bo@example.com"), Phones = p.Phones.Add("+15550100123"), EmailConsent = granted, SmsConsent = granted });
        Assert.False((await _source.GetAsync("c-3"))!.Contact.IsSuppressed(Core.Journeys.Model.MessageChannel.Email));

        // Erased as another contact a day ago: the profile itself was never told.
        await suppression.AddAsync(IdentityKind.Email, "bo@example.com", "api:erasure", Now.AddDays(-1));
        var recipient = (await _source.GetAsync("c-3"))!;

        Assert.True(recipient.Contact.IsSuppressed(Core.Journeys.Model.MessageChannel.Email));
        Assert.Equal(Core.Journeys.Contacts.ConsentStatus.Denied, recipient.Contact.ConsentFor(Core.Journeys.Model.MessageChannel.Email));
        Assert.False(recipient.Contact.IsSuppressed(Core.Journeys.Model.MessageChannel.Sms));
        Assert.False((await profiles.GetAsync("c-3"))!.EmailSuppression.IsActive);
    }

    [Fact]
    public async Task Apply_AddsAndRemovesTagsAndSetsAttributes_OnceEvenWhenRepeated()
    {
        var update = new UpdateProfile("c-2", ["welcome-coupon"], ["new"], new Dictionary<string, JsonElement> { ["welcome_coupon"] = JsonSerializer.SerializeToElement("WELCOME10") });
        var profiles = new ProfileStore(_storage.Tables);
        await profiles.InitializeAsync();
        await profiles.UpdateAsync("c-2", p => p with { Tags = p.Tags.SetItem("new", new ProfileTag("new", TagSource.Computed, Now)) });

        await _source.ApplyAsync(update);
        _clock.Advance(TimeSpan.FromHours(1));
        await _source.ApplyAsync(update);
        var profile = (await profiles.GetAsync("c-2"))!;

        Assert.Equal(["welcome-coupon"], profile.Tags.Keys);
        Assert.Equal(Now, profile.Tags["welcome-coupon"].AddedAt);
        Assert.Equal(new StampedValue("WELCOME10", Now, ProfileContactSource.AttributeSource), profile.Attributes["welcome_coupon"]);
    }
}

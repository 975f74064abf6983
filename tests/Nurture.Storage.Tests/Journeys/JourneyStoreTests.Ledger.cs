using System.Text.Json;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Storage.Journeys;

namespace Nurture.Storage.Tests.Journeys;

public sealed partial class JourneyStoreTests
{
    [Fact]
    public async Task Ledger_KeepsTheSendTimeArmOfAMessage()
    {
        var ledger = new SendLedger(Tables, Names);
        await ledger.InitializeAsync();
        var optimized = "jm-" + Guid.NewGuid().ToString("N");
        var plain = "jm-" + Guid.NewGuid().ToString("N");

        await ledger.ReserveAsync(optimized, "c-1", MessageChannel.Email, true, Now, Nurture.Core.SendTime.SendTimeArm.Optimized);
        await ledger.ReserveAsync(plain, "c-1", MessageChannel.Email, true, Now);
        await ledger.MarkSentAsync(optimized, "outbox-1", Now);

        Assert.Equal(Nurture.Core.SendTime.SendTimeArm.Optimized, (await ledger.GetAsync(optimized))!.SendTime);
        Assert.Null((await ledger.GetAsync(plain))!.SendTime);
    }

    [Fact]
    public async Task Ledger_SecondReserveOfASentMessage_ReportsAlreadySent()
    {
        var ledger = new SendLedger(Tables, Names);
        await ledger.InitializeAsync();
        var id = "jm-" + Guid.NewGuid().ToString("N");

        Assert.Equal(ReserveOutcome.Reserved, await ledger.ReserveAsync(id, "c-1", MessageChannel.Email, true, Now));
        Assert.Equal(ReserveOutcome.InFlight, await ledger.ReserveAsync(id, "c-1", MessageChannel.Email, true, Now));
        await ledger.ReleaseAsync(id);
        Assert.Equal(ReserveOutcome.Resumed, await ledger.ReserveAsync(id, "c-1", MessageChannel.Email, true, Now));
        await ledger.MarkSentAsync(id, "outbox-1", Now);
        await ledger.MarkSentAsync(id, "outbox-2", Now.AddMinutes(1));

        Assert.Equal(ReserveOutcome.AlreadySent, await ledger.ReserveAsync(id, "c-1", MessageChannel.Email, true, Now));
        var entry = (await ledger.GetAsync(id))!;
        Assert.Equal(LedgerStatus.Sent, entry.Status);
        Assert.Equal("outbox-1", entry.ProviderMessageId);
        Assert.Equal(2, entry.Attempts);
    }

    [Fact]
    public async Task Ledger_AnAttemptThatNeverFinished_IsResumedOnlyAfterItsLease()
    {
        var ledger = new SendLedger(Tables, Names, TimeSpan.FromSeconds(30));
        await ledger.InitializeAsync();
        var id = "jm-" + Guid.NewGuid().ToString("N");
        await ledger.ReserveAsync(id, "c-1", MessageChannel.Sms, true, Now);

        Assert.Equal(ReserveOutcome.InFlight, await ledger.ReserveAsync(id, "c-1", MessageChannel.Sms, true, Now.AddSeconds(29)));
        Assert.Equal(ReserveOutcome.Resumed, await ledger.ReserveAsync(id, "c-1", MessageChannel.Sms, true, Now.AddSeconds(30)));
        Assert.Equal(ReserveOutcome.InFlight, await ledger.ReserveAsync(id, "c-1", MessageChannel.Sms, true, Now.AddSeconds(31)));
        Assert.Equal(2, (await ledger.GetAsync(id))!.Attempts);
    }

    [Fact]
    public async Task Ledger_SkippedAndFailedMessages_AreFinished_AndNeverReservedOnesCannotComplete()
    {
        var ledger = new SendLedger(Tables, Names);
        await ledger.InitializeAsync();
        var skipped = "jm-" + Guid.NewGuid().ToString("N");
        var failed = "jm-" + Guid.NewGuid().ToString("N");
        await ledger.ReserveAsync(skipped, "c-1", MessageChannel.Sms, true, Now);
        await ledger.ReserveAsync(failed, "c-1", MessageChannel.Sms, true, Now);

        await ledger.MarkSkippedAsync(skipped, "no phone number", Now);
        await ledger.MarkFailedAsync(failed, "invalid number", Now);

        Assert.Equal(ReserveOutcome.AlreadyFinished, await ledger.ReserveAsync(skipped, "c-1", MessageChannel.Sms, true, Now));
        Assert.Equal(ReserveOutcome.AlreadyFinished, await ledger.ReserveAsync(failed, "c-1", MessageChannel.Sms, true, Now));
        Assert.Equal("invalid number", (await ledger.GetAsync(failed))!.Detail);
        await Assert.ThrowsAsync<InvalidOperationException>(() => ledger.MarkSentAsync("jm-never", null, Now));
    }

    [Fact]
    public async Task Ledger_HasSentOther_CountsOnlyOtherSentMessagesOfTheChannel()
    {
        var ledger = new SendLedger(Tables, Names);
        await ledger.InitializeAsync();
        var contact = "c-" + Guid.NewGuid().ToString("N");
        var first = "jm-" + Guid.NewGuid().ToString("N");
        await ledger.ReserveAsync(first, contact, MessageChannel.Sms, true, Now);
        Assert.False(await ledger.HasSentOtherAsync(contact, MessageChannel.Sms, first));

        // Sent: still the first for itself (a re-run composes the same message), but not for the next one.
        await ledger.MarkSentAsync(first, "SM1", Now);
        var email = "jm-" + Guid.NewGuid().ToString("N");
        await ledger.ReserveAsync(email, contact, MessageChannel.Email, true, Now);
        await ledger.MarkSentAsync(email, null, Now);

        Assert.False(await ledger.HasSentOtherAsync(contact, MessageChannel.Sms, first));
        Assert.True(await ledger.HasSentOtherAsync(contact, MessageChannel.Sms, "jm-next"));
        Assert.False(await ledger.HasSentOtherAsync(contact, MessageChannel.Email, email));
        Assert.False(await ledger.HasSentOtherAsync("c-other-" + contact, MessageChannel.Sms, "jm-next"));
    }

    [Fact]
    public async Task Ledger_RecentSends_AreThoseOfTheContactWithinTheWindow()
    {
        var ledger = new SendLedger(Tables, Names);
        await ledger.InitializeAsync();
        var contact = "c-" + Guid.NewGuid().ToString("N");
        async Task Send(string contactId, MessageChannel channel, DateTimeOffset at)
        {
            var id = "jm-" + Guid.NewGuid().ToString("N");
            await ledger.ReserveAsync(id, contactId, channel, true, at);
            await ledger.MarkSentAsync(id, null, at);
        }

        await Send(contact, MessageChannel.Email, Now.AddHours(-30));
        await Send(contact, MessageChannel.Email, Now.AddHours(-2));
        await Send(contact, MessageChannel.Sms, Now.AddHours(-1));
        await Send("c-other-" + contact, MessageChannel.Email, Now.AddHours(-1));

        var recent = await ledger.RecentSendsAsync(contact, Now.AddHours(-24));
        Assert.Equal(
            [(MessageChannel.Email, Now.AddHours(-2)), (MessageChannel.Sms, Now.AddHours(-1))],
            recent.Select(s => (s.Channel, s.SentAt)).OrderBy(s => s.Item2));
    }

    [Fact]
    public async Task Contacts_RoundTrip_AndProfileUpdatesHaveSetSemantics()
    {
        var contacts = new JourneyContactStore(Tables, Names);
        await contacts.InitializeAsync();
        var id = "c-" + Guid.NewGuid().ToString("N");
        var contact = new JourneyContact(
            id,
            "Europe/Berlin",
            new HashSet<string> { "vip" },
            Consent: new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Granted },
            HasEmail: true);
        await contacts.SaveAsync(new JourneyRecipient(contact, "ana@example.com", null, "Ana"));
        var update = new UpdateProfile(id, ["welcomed"], ["vip"], new Dictionary<string, JsonElement> { ["coupon"] = JsonDocument.Parse("\"WELCOME10\"").RootElement });

        await contacts.ApplyAsync(update);
        await contacts.ApplyAsync(update);

        var loaded = (await contacts.GetAsync(id))!;
        Assert.Equal("ana@example.com", loaded.Email);
        Assert.Equal(ConsentStatus.Granted, loaded.Contact.ConsentFor(MessageChannel.Email));
        Assert.Equal(["welcomed"], loaded.Contact.TagsOrEmpty);
        Assert.Equal("WELCOME10", loaded.Contact.AttributesOrEmpty["coupon"].GetString());
        Assert.Null(await contacts.GetAsync("c-unknown-" + id));
    }
}

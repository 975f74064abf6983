using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Policies;
using Nurture.Core.Journeys.Runtime;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderSendTests
{
    private static readonly JourneyDefinition EmailThenDone = Journey($"[{Email("e1", "done")}, {Exit("done")}]", "e1");
    private static readonly JourneyDefinition SmsThenDone = Journey($"[{Sms("s1", "done")}, {Exit("done")}]", "s1");

    [Fact]
    public void Decide_WhenEmailConsentMissing_SkipsWithReasonAndMovesOn()
    {
        var contact = Contact() with { Consent = null };

        var result = Start(EmailThenDone, context: Context(contact));

        Assert.Empty(result.Sends);
        var skip = Assert.Single(result.History, h => h.Kind == HistoryKind.Skipped);
        Assert.Equal("no email marketing consent", skip.Message);
        Assert.Equal("e1", skip.NodeId);
        Assert.Equal(JourneyStatus.Completed, result.State.Status);
    }

    [Fact]
    public void Decide_WhenSmsSuppressed_Skips()
    {
        var contact = Contact() with { Suppressed = new HashSet<MessageChannel> { MessageChannel.Sms } };

        var result = Start(SmsThenDone, context: Context(contact));

        Assert.Empty(result.Sends);
        Assert.Equal("SMS is suppressed for this contact", Assert.Single(result.History, h => h.Kind == HistoryKind.Skipped).Message);
    }

    [Fact]
    public void Decide_WhenContactHasNoPhone_SkipsSms()
    {
        var result = Start(SmsThenDone, context: Context(Contact() with { HasPhone = false }));

        Assert.Equal("contact has no SMS address", Assert.Single(result.History, h => h.Kind == HistoryKind.Skipped).Message);
    }

    [Fact]
    public void Decide_WhenConsentDeniedButMessageTransactional_Sends()
    {
        var transactional = Journey($"[{Email("e1", "", extra: ", \"marketing\": false")}]", "e1");
        var contact = Contact() with { Consent = new Dictionary<MessageChannel, ConsentStatus> { [MessageChannel.Email] = ConsentStatus.Denied } };

        var result = Start(transactional, context: Context(contact));

        Assert.False(Assert.Single(result.Sends).Marketing);
    }

    [Fact]
    public void Decide_LoopWithDelay_SendsANewMessageIdOnEachVisit()
    {
        var loop = Journey($"[{Email("e1", "d")}, {Delay("d", "e1", "1.00:00:00")}]", "e1");

        var first = Start(loop);
        var second = Wake(loop, first);

        Assert.Equal(JourneyIds.MessageId("ji-test", "e1", 1), Assert.Single(first.Sends).MessageId);
        Assert.Equal(JourneyIds.MessageId("ji-test", "e1", 2), Assert.Single(second.Sends).MessageId);
        Assert.Equal(2, second.State.VisitsTo("e1"));
    }

    [Fact]
    public void Decide_LoopWithoutWait_StopsAtTheStepLimit()
    {
        var loop = Journey("""
            [{ "type": "branch", "id": "b", "cases": [ { "when": { "path": "contact.order_count", "op": "ge", "value": 0 }, "next": "b2" } ], "default_next": null },
             { "type": "branch", "id": "b2", "cases": [ { "when": { "path": "contact.order_count", "op": "ge", "value": 0 }, "next": "b" } ], "default_next": null }]
            """, "b");

        var result = Start(loop);

        Assert.Equal(JourneyStatus.Exited, result.State.Status);
        Assert.Equal($"more than {JourneyDecider.MaxStepsPerDecision} steps without a wait", result.State.EndReason);
    }

    [Fact]
    public void Decide_WhenContactHasNoEmail_SkipsEmail()
    {
        var result = Start(EmailThenDone, context: Context(Contact() with { HasEmail = false }));

        Assert.Empty(result.Sends);
        Assert.Equal("contact has no email address", Assert.Single(result.History, h => h.Kind == HistoryKind.Skipped).Message);
    }

    [Fact]
    public void Decide_SendNodeWithoutTemplate_SkipsInsteadOfFailing()
    {
        var noTemplate = Journey("""[{ "type": "send_email", "id": "e1", "channel": { "sender": "a@example.com" }, "next": null }]""", "e1");

        var result = Start(noTemplate);

        Assert.Empty(result.Sends);
        Assert.Equal("send node has no template", Assert.Single(result.History, h => h.Kind == HistoryKind.Skipped).Message);
        Assert.Equal(JourneyStatus.Completed, result.State.Status);
    }

    [Fact]
    public void Decide_SendNodeWithoutSender_SendsWithNoSender_SoTheShopDefaultApplies()
    {
        var noSender = Journey("""[{ "type": "send_email", "id": "e1", "template": "t1", "channel": { "subject": "Hi" }, "next": null }]""", "e1");

        var result = Start(noSender);

        var send = Assert.Single(result.Sends);
        Assert.Null(send.Sender);
        Assert.Equal("Hi", send.Subject);
    }
}


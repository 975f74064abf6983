using Nurture.Core.Journeys;
using Nurture.Core.Journeys.Decider;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Journeys.Runtime.Triggers;
using static Nurture.Core.Tests.Journeys.JourneyFixtures;

namespace Nurture.Core.Tests.Journeys.Decider;

public sealed class JourneyDeciderStartTests
{
    private static readonly JourneyDefinition EmailThenExit = Journey($"[{Email("e1", "done", "welcome")}, {Exit("done")}]", "e1");

    [Fact]
    public void Decide_Start_SendsFirstEmailAndCompletesAtExit()
    {
        var result = Start(EmailThenExit);

        var send = Assert.Single(result.Sends);
        Assert.Equal(new SendMessage("jm-a8e556af84a5fed69add600796f3208d", MessageChannel.Email, "welcome", "c-1", "j-test", 1, "e1", "shop@example.com", null, null, true, null), send);
        Assert.Equal(JourneyStatus.Completed, result.State.Status);
        Assert.Equal("exit node", result.State.EndReason);
        Assert.Equal(T0, result.State.StartedAt);
        Assert.Equal(T0, result.State.EndedAt);
        Assert.Equal(new EndInstance("ji-test", JourneyStatus.Completed, "exit node"), result.Commands.OfType<EndInstance>().Single());
        Assert.Equal(
            [HistoryKind.Started, HistoryKind.Step, HistoryKind.Sent, HistoryKind.Step, HistoryKind.Ended],
            result.History.Select(h => h.Kind));
        Assert.All(result.History, h => Assert.Equal(T0, h.At));
    }

    [Fact]
    public void Decide_WhenStartDeliveredTwice_SendsOnce()
    {
        var first = Start(Journey($"[{Delay("d", "e1", "01:00:00")}, {Email("e1", "")}]", "d"));

        var second = JourneyDecider.Decide(
            Journey($"[{Delay("d", "e1", "01:00:00")}, {Email("e1", "")}]", "d"), first.State, new StartTrigger(T0.AddMinutes(1)), Context());

        Assert.True(second.IsNoOp);
        Assert.Same(first.State, second.State);
    }

    [Fact]
    public void Decide_WhenNextIsNull_CompletesAtEndOfGraph()
    {
        var result = Start(Journey($"[{Email("e1", "")}]", "e1"));

        Assert.Single(result.Sends);
        Assert.Equal(JourneyStatus.Completed, result.State.Status);
        Assert.Equal("reached the end of the journey", result.State.EndReason);
    }

    [Fact]
    public void Decide_WithDefinitionOfAnotherVersion_Throws()
    {
        var v1 = Journey($"[{Email("e1", "")}]", "e1", version: 1);
        var v2 = Journey($"[{Email("e1", "", "new-template")}]", "e1", version: 2);

        var error = Assert.Throws<ArgumentException>(() => JourneyDecider.Decide(v2, Pending(v1), new StartTrigger(T0), Context()));

        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_InstanceStartedOnOldVersion_KeepsSendingThatVersionsTemplate()
    {
        var v1 = Journey($"[{Delay("d", "e1", "1.00:00:00")}, {Email("e1", "", "old-template")}]", "d", version: 1);
        var started = Start(v1);

        // Version 2 is published meanwhile; the runner loads the version the state names.
        var v2 = Journey($"[{Delay("d", "e1", "1.00:00:00")}, {Email("e1", "", "new-template")}]", "d", version: 2);
        Assert.Equal(1, started.State.Version);
        var woken = Wake(v1, started);

        Assert.Equal("old-template", Assert.Single(woken.Sends).TemplateId);
        Assert.Equal(1, Assert.Single(woken.Sends).Version);
        Assert.Throws<ArgumentException>(() => Wake(v2, started));
    }

    [Fact]
    public void Decide_OnFinishedInstance_IgnoresTriggersButRecordsSendResults()
    {
        var done = Start(EmailThenExit);
        var messageId = done.Sends[0].MessageId;

        var cancel = JourneyDecider.Decide(EmailThenExit, done.State, new CancelTrigger(T0.AddHours(1)), Context());
        var start = JourneyDecider.Decide(EmailThenExit, done.State, new StartTrigger(T0.AddHours(1)), Context());
        var result = JourneyDecider.Decide(EmailThenExit, done.State, new SendResultTrigger(messageId, SendOutcome.Delivered, T0.AddHours(1), "250 ok"), Context());

        Assert.True(cancel.IsNoOp);
        Assert.True(start.IsNoOp);
        var entry = Assert.Single(result.History);
        Assert.Equal(new HistoryEntry(T0.AddHours(1), HistoryKind.SendResult, "delivered (250 ok)", null, messageId), entry);
        Assert.Equal(JourneyStatus.Completed, result.State.Status);
    }

    [Fact]
    public void MessageId_IsStableAndDiffersPerVisit()
    {
        Assert.Equal("jm-a8e556af84a5fed69add600796f3208d", JourneyIds.MessageId("ji-test", "e1", 1));
        Assert.NotEqual(JourneyIds.MessageId("ji-test", "e1", 1), JourneyIds.MessageId("ji-test", "e1", 2));
        Assert.NotEqual(JourneyIds.MessageId("ji-test", "e1", 1), JourneyIds.MessageId("ji-other", "e1", 1));
    }

    [Fact]
    public void InstanceId_IsStableForTheSameEntry()
    {
        Assert.Equal("ji-6d4a4367a91366a8cfec45f97c6a8d7b", JourneyIds.InstanceId("j-test", "c-1", "ev-1"));
        Assert.NotEqual(JourneyIds.InstanceId("j-test", "c-1", "ev-1"), JourneyIds.InstanceId("j-test", "c-1", "ev-2"));
    }

    [Fact]
    public void Decide_SameInputs_GiveTheSameOutputs()
    {
        var journey = Nurture.Core.Journeys.Examples.JourneyExamples.Load("win-back");
        var contact = Contact("c-42") with { OrderCount = 2, LastOrderAt = T0.AddDays(-200) };

        var first = JourneyDecider.Decide(journey, Pending(journey, contactId: "c-42"), new StartTrigger(T0), Context(contact));
        var second = JourneyDecider.Decide(journey, Pending(journey, contactId: "c-42"), new StartTrigger(T0), Context(contact));

        Assert.Equal(Serialize(first), Serialize(second));
        Assert.NotEmpty(first.Commands);
    }

    private static string Serialize(DecisionResult result) =>
        System.Text.Json.JsonSerializer.Serialize(new { result.State, result.Commands }, Nurture.Core.Journeys.Serialization.JourneyJson.Options);
}

using System.Text.Json;
using Nurture.Core.Events;
using Nurture.Core.Profiles;
using Nurture.Core.SendTime;

namespace Nurture.Core.Tests.SendTime;

public sealed class SendTimeEvidenceTests
{
    private static readonly IDictionary<string, double> Weights = new ProfileOptions().EngagementWeights;

    [Theory]
    [InlineData(EventTypes.EmailOpened, """{ "machineOpen": true }""", EvidenceKind.None, 0)]
    [InlineData(EventTypes.EmailOpened, """{ "machineOpen": false }""", EvidenceKind.Response, 1)]
    [InlineData(EventTypes.EmailClicked, "{}", EvidenceKind.Response, 2)]
    [InlineData(EventTypes.SmsReceived, "{}", EvidenceKind.Response, 1)]
    [InlineData(EventTypes.OrderPlaced, "{}", EvidenceKind.Engagement, 3)]
    [InlineData(EventTypes.PageViewed, "{}", EvidenceKind.Engagement, 0.5)]
    [InlineData(EventTypes.EmailDelivered, "{}", EvidenceKind.Delivery, 0)]
    [InlineData(EventTypes.SmsStatusChanged, """{ "messageStatus": "delivered" }""", EvidenceKind.Delivery, 0)]
    [InlineData(EventTypes.SmsStatusChanged, """{ "messageStatus": "undelivered" }""", EvidenceKind.None, 0)]
    [InlineData(EventTypes.EmailProcessed, "{}", EvidenceKind.None, 0)]
    [InlineData(EventTypes.CustomerUpdated, "{}", EvidenceKind.None, 0)]
    public void Classify_SortsHonestEvidenceExposureAndNoise(string type, string properties, EvidenceKind expected, double weight)
    {
        var evt = new CanonicalEvent("e", type, EventSource.SendGrid, "k", SendTimeFixtures.T0, ContactIdentity.Unknown, JsonDocument.Parse(properties).RootElement.Clone());

        Assert.Equal(expected, SendTimeEvidence.Classify(evt, Weights, out var actual));
        Assert.Equal(weight, actual);
    }
}

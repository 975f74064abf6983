using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Runtime;
using Nurture.Core.Profiles;
using Nurture.Functions.Contacts;
using Nurture.Functions.Health;
using Nurture.Functions.Http;
using Nurture.Functions.Ingestion;
using Nurture.Functions.Journeys;
using Nurture.Functions.UnitTests.Infrastructure;

namespace Nurture.Functions.UnitTests.Http;

/// <summary>One casing for the whole API: snake_case names, enum values as snake_case strings, the same in the schemas.</summary>
public sealed class ApiJsonTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void InstanceListing_WritesStatusAsAString()
    {
        var listing = new InstanceListing(1, [new InstanceSummary("i-1", "welcome", 2, "c-1", JourneyStatus.WaitingForEvent, "wait", At)]);

        var json = JsonSerializer.SerializeToElement(listing, ApiJson.Options);

        var instance = json.GetProperty("instances")[0];
        Assert.Equal("waiting_for_event", instance.GetProperty("status").GetString());
        Assert.Equal("i-1", instance.GetProperty("instance_id").GetString());
        JsonNames.AssertSnakeCase(json);
        OpenApiContract.AssertMatches(FunctionNames.ListJourneyInstances, 200, json);
    }

    [Theory]
    [InlineData("waiting_for_event", JourneyStatus.WaitingForEvent)]
    [InlineData("WaitingForEvent", JourneyStatus.WaitingForEvent)]
    [InlineData("completed", JourneyStatus.Completed)]
    public void TryParseEnum_TakesTheWireName_AndTheCSharpName(string text, JourneyStatus expected)
    {
        Assert.True(ApiJson.TryParseEnum<JourneyStatus>(text, out var parsed));
        Assert.Equal(expected, parsed);
        Assert.False(ApiJson.TryParseEnum<JourneyStatus>("3", out _));
    }

    [Fact]
    public void NumbersAreNumbers_NotStrings_WhenRead()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<StartJourneyResponse>("""{"entered": true, "reason": "x", "version": "2"}""", ApiJson.Options));
    }

    [Fact]
    public async Task Health_AnswersSnakeCase_WithItsStatusAsAString()
    {
        var function = new HealthFunction(TestStorageAccounts.IsolatedAzurite(), NullLogger<HealthFunction>.Instance);

        var answer = await FunctionCall.RunAsync(FunctionCall.Request("GET", "/api/health"), r => function.HealthAsync(r, default));

        Assert.Equal(200, answer.Status);
        Assert.Equal("healthy", answer.Json.GetProperty("status").GetString());
        Assert.True(answer.Json.GetProperty("storage").GetProperty("tables").GetProperty("reachable").GetBoolean());
        OpenApiContract.AssertMatches(FunctionNames.Health, 200, answer.Json);
    }

    [Fact]
    public void ContactAnswers_WriteTheProfileInTheSameCasing_AndFitTheirSchema()
    {
        var profile = ContactProfile.Create("c-1") with
        {
            Emails = ImmutableSortedSet.Create(StringComparer.Ordinal, "ana@example.com"),
            Attributes = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create(ProfileAttributes.FirstName, new StampedValue("Ana", At, "api:patch"))]),
            Tags = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("vip", new ProfileTag("vip", TagSource.Manual, At))]),
            EmailConsent = new ConsentState(ConsentStatus.Granted, "shopify", At, null),
            Orders = OrderStats.None with { OrderCount = 2, OrderedTotal = 120.5m, Currency = "EUR", FirstOrderAt = At },
        };
        var item = new ContactTimelineItem("e-1", "order.created", EventSource.WooCommerce, At, JsonSerializer.SerializeToElement(new { total = 60 }));

        var view = JsonSerializer.SerializeToElement(new ContactView("c-1", profile, [item]), ApiJson.Options);

        var written = view.GetProperty("profile");
        Assert.Equal("granted", written.GetProperty("email_consent").GetProperty("status").GetString());
        Assert.Equal("manual", written.GetProperty("tags").GetProperty("vip").GetProperty("source").GetString());
        Assert.Equal(2, written.GetProperty("orders").GetProperty("order_count").GetInt32());
        Assert.Equal("Ana", written.GetProperty("attributes").GetProperty(ProfileAttributes.FirstName).GetProperty("value").GetString());
        Assert.Equal("woo_commerce", view.GetProperty("timeline")[0].GetProperty("source").GetString());
        JsonNames.AssertSnakeCase(view, "attributes", "tags", "email_groups", "properties");
        OpenApiContract.AssertMatches(FunctionNames.GetContact, 200, view);
        OpenApiContract.AssertMatches(FunctionNames.UpdateContact, 200, JsonSerializer.SerializeToElement(new ContactProfileView("c-1", profile), ApiJson.Options));
        OpenApiContract.AssertMatches(FunctionNames.ExportContact, 200, JsonSerializer.SerializeToElement(
            new ContactExport(
                "c-1",
                At,
                profile with { EmailSuppression = SuppressionState.None.Suppress(SuppressionReason.Erased, At).OptIn(At.AddDays(1)) },
                [item],
                [new ConsentChange("e-1", "consent.changed", "sms", new ConsentState(ConsentStatus.Denied, "sms_keyword", At, "inbound SM1: STOP"), SuppressionReason.SmsStop)],
                [],
                []),
            ApiJson.Options));
    }

    [Fact]
    public void DeliveryReceipts_WriteTheirStatusAsAString_AndLeaveOutAnEmptyReason()
    {
        var json = JsonSerializer.SerializeToElement(new DeliveryReceipt("d-1", DeliveryStatus.Accepted, 3, null), ApiJson.Options);

        Assert.Equal("accepted", json.GetProperty("status").GetString());
        Assert.Equal("d-1", json.GetProperty("delivery_id").GetString());
        Assert.False(json.TryGetProperty("reason", out _));
        OpenApiContract.AssertMatches(FunctionNames.ShopifyWebhook, 202, json);
    }
}

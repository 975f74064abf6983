using System.Text.Json;
using System.Text.Json.Nodes;
using Nurture.Core.Events;

namespace Nurture.Core.Tests.Profiles;

/// <summary>Builds canonical events for reducer tests.</summary>
internal static class Events
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 2, 10, 0, 0, TimeSpan.Zero); // a Sunday

    public static CanonicalEvent Make(string id, string type, DateTimeOffset at, JsonObject? properties = null, ContactIdentity? contact = null, EventSource source = EventSource.Shopify) =>
        new(id, type, source, "key-" + id, at, contact ?? new ContactIdentity(CustomerId: "42", Email: "Bob@Example.com"), JsonSerializer.SerializeToElement(properties ?? []));

    public static CanonicalEvent Order(string id, DateTimeOffset at, decimal total, params (string Product, string? Category)[] lines) =>
        Make(id, EventTypes.OrderPlaced, at, new JsonObject
        {
            ["orderId"] = "o-" + id,
            ["total"] = total,
            ["currency"] = "USD",
            ["lineItems"] = new JsonArray(lines.Select(l => (JsonNode?)new JsonObject { ["productId"] = l.Product, ["category"] = l.Category }).ToArray()),
        });

    public static CanonicalEvent Consent(string id, string channel, string status, DateTimeOffset at, string source = "shopify") =>
        Make(id, EventTypes.ConsentChanged, at, new JsonObject { ["channel"] = channel, ["status"] = status, ["source"] = source });

    public static CanonicalEvent Open(string id, DateTimeOffset at, bool machine) =>
        Make(id, EventTypes.EmailOpened, at, new JsonObject { ["machineOpen"] = machine }, new ContactIdentity(Email: "bob@example.com"), EventSource.SendGrid);
}

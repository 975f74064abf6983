using System.Text.Json.Nodes;
using Nurture.Functions.Tests.Ingestion;
using Nurture.Storage.Tests.Interop;

namespace Nurture.Functions.Tests.Privacy;

/// <summary>Shopify customer and order payloads (the mapper tests' fixtures) about a given shopper, with chosen consent.</summary>
internal static class PrivacyPayloads
{
    /// <summary>A <c>customers/update</c> with email and SMS consent as given (state, and its own time or none).</summary>
    public static string CustomerUpdate(Shopper shopper, DateTimeOffset updatedAt, string emailState, DateTimeOffset? emailAt, string smsState = "not_subscribed", DateTimeOffset? smsAt = null)
    {
        var customer = Load("customers-update.json");
        customer["id"] = shopper.CustomerId;
        customer["email"] = shopper.Email;
        customer["phone"] = shopper.Phone;
        customer["updated_at"] = updatedAt.ToString("O");
        customer["email_marketing_consent"] = Consent(emailState, emailAt);
        customer["sms_marketing_consent"] = Consent(smsState, smsAt);
        return customer.ToJsonString();
    }

    /// <summary>An <c>orders/create</c> with the customer's consent objects and <c>buyer_accepts_marketing</c> as given (null drops the object).</summary>
    public static string Order(Shopper shopper, long orderId, DateTimeOffset createdAt, bool buyerAcceptsMarketing, (string State, DateTimeOffset? At)? email, (string State, DateTimeOffset? At)? sms)
    {
        var order = JsonNode.Parse(ShopifyPayloads.Order(shopper, orderId))!.AsObject();
        order["created_at"] = createdAt.ToString("O");
        order["updated_at"] = createdAt.ToString("O");
        order["buyer_accepts_marketing"] = buyerAcceptsMarketing;
        var customer = order["customer"]!.AsObject();
        customer.Remove("email_marketing_consent");
        customer.Remove("sms_marketing_consent");
        if (email is { } e)
        {
            customer["email_marketing_consent"] = Consent(e.State, e.At);
        }

        if (sms is { } s)
        {
            customer["sms_marketing_consent"] = Consent(s.State, s.At);
        }

        return order.ToJsonString();
    }

    private static JsonObject Consent(string state, DateTimeOffset? at) => new()
    {
        ["state"] = state,
        ["opt_in_level"] = "single_opt_in",
        ["consent_updated_at"] = at?.ToString("O"),
    };

    private static JsonObject Load(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(NodeScript.RepositoryRoot(), "tests", "Nurture.Channels.Tests", "Fixtures", "Shopify", name)))!.AsObject();
}

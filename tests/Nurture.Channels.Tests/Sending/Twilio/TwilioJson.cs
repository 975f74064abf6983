using System.Text.Json.Nodes;

namespace Nurture.Channels.Tests.Sending.Twilio;

/// <summary>Twilio's JSON shapes for the fake: a message resource, a message list, an error.</summary>
internal static class TwilioJson
{
    public static string Message(string sid, string body, DateTimeOffset created, string to = "+16135550135", string direction = "outbound-api", string? service = Infrastructure.ChannelServices.ServiceSid) =>
        MessageNode(sid, body, created, to, direction, service).ToJsonString();

    public static string List(params JsonObject[] messages) => new JsonObject
    {
        ["messages"] = new JsonArray(messages),
        ["uri"] = "/2010-04-01/Accounts/" + Infrastructure.ChannelServices.AccountSid + "/Messages.json?PageSize=50&Page=0",
        ["page"] = 0,
        ["page_size"] = 50,
        ["first_page_uri"] = "/2010-04-01/Accounts/" + Infrastructure.ChannelServices.AccountSid + "/Messages.json?PageSize=50&Page=0",
        ["next_page_uri"] = null,
        ["previous_page_uri"] = null,
    }.ToJsonString();

    public static JsonObject MessageNode(string sid, string body, DateTimeOffset created, string to = "+16135550135", string direction = "outbound-api", string? service = Infrastructure.ChannelServices.ServiceSid) => new()
    {
        ["sid"] = sid,
        ["account_sid"] = Infrastructure.ChannelServices.AccountSid,
        ["messaging_service_sid"] = service,
        ["to"] = to,
        ["from"] = "+15005550006",
        ["body"] = body,
        ["status"] = "queued",
        ["direction"] = direction,
        ["num_segments"] = "1",
        ["date_created"] = created.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture),
        ["date_updated"] = created.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture),
        ["date_sent"] = null,
        ["api_version"] = "2010-04-01",
    };

    public static string Error(int code, int status, string message) => new JsonObject
    {
        ["code"] = code,
        ["message"] = message,
        ["more_info"] = "https://www.twilio.com/docs/errors/" + code,
        ["status"] = status,
    }.ToJsonString();
}

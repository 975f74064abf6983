using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Web;
using Nurture.Channels.Sending.Twilio;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>
/// Twilio's Messages resource as a stateful fake behind a <see cref="WireMockProvider"/>: a POST creates a message
/// (201 with its SID) and keeps it; a GET lists the kept messages to the <c>To</c> it names, newest first, the way
/// Twilio's message list does. Every POST is counted under the message id our status callback URL carries.
/// </summary>
public sealed class TwilioMessagesFake(string accountSid)
{
    private readonly ConcurrentQueue<Created> _created = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstAt = new(StringComparer.Ordinal);
    private int _lists;

    /// <summary>The messages path of the account.</summary>
    public string MessagesPath => $"/2010-04-01/Accounts/{accountSid}/Messages.json";

    /// <summary>POSTs per our message id (from <c>StatusCallback</c>'s <c>nurture_message_id</c>).</summary>
    public IReadOnlyDictionary<string, int> CallsByMessageId => _calls;

    /// <summary>When the first POST of each message id arrived.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FirstCallAt => _firstAt;

    /// <summary>Every message created, in order.</summary>
    public IReadOnlyList<Created> Messages => _created.ToList();

    /// <summary>How many message lists were read (acceptance checks).</summary>
    public int Lists => _lists;

    /// <summary>Keeps a message as if an earlier request had created it.</summary>
    public Created Add(string to, string body, string? serviceSid, DateTimeOffset createdAt, string? messageId = null)
    {
        var created = new Created("SM" + Guid.NewGuid().ToString("N"), to, body, serviceSid, createdAt, messageId);
        _created.Enqueue(created);
        return created;
    }

    /// <summary>The fake's answer to a request (set it as <see cref="WireMockProvider.Answer"/>).</summary>
    public ProviderAnswer Answer(ReceivedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path.Split('?')[0];
        if (path != MessagesPath)
        {
            return new ProviderAnswer(404, """{"code":20404,"message":"The requested resource was not found","status":404}""");
        }

        if (request.Method == "GET")
        {
            Interlocked.Increment(ref _lists);
            var to = HttpUtility.ParseQueryString(request.Path.Contains('?', StringComparison.Ordinal) ? request.Path[(request.Path.IndexOf('?', StringComparison.Ordinal) + 1)..] : string.Empty).Get("To");
            var page = _created.Where(m => m.To == to).OrderByDescending(m => m.CreatedAt).Take(50).Select(Node).ToArray<JsonNode?>();
            return new ProviderAnswer(200, List(page));
        }

        var form = HttpUtility.ParseQueryString(request.Body);
        var messageId = MessageIdOf(form.Get("StatusCallback"));
        if (messageId is not null)
        {
            _calls.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            _firstAt.TryAdd(messageId, DateTimeOffset.UtcNow);
        }

        var message = Add(form.Get("To")!, form.Get("Body") ?? string.Empty, form.Get("MessagingServiceSid"), DateTimeOffset.UtcNow, messageId);
        return new ProviderAnswer(201, Node(message).ToJsonString());
    }

    /// <summary>Our message id in a status callback URL, or null.</summary>
    public static string? MessageIdOf(string? statusCallback) =>
        statusCallback is null || !Uri.TryCreate(statusCallback, UriKind.Absolute, out var uri) ? null : HttpUtility.ParseQueryString(uri.Query).Get(TwilioStatusCallback.MessageIdParameter);

    private JsonObject Node(Created message) => new()
    {
        ["sid"] = message.Sid,
        ["account_sid"] = accountSid,
        ["messaging_service_sid"] = message.ServiceSid,
        ["to"] = message.To,
        ["from"] = null,
        ["body"] = message.Body,
        ["status"] = "accepted",
        ["direction"] = "outbound-api",
        ["num_segments"] = "1",
        ["date_created"] = Rfc2822(message.CreatedAt),
        ["date_updated"] = Rfc2822(message.CreatedAt),
        ["date_sent"] = null,
        ["api_version"] = "2010-04-01",
    };

    private string List(JsonNode?[] messages) => new JsonObject
    {
        ["messages"] = new JsonArray(messages),
        ["uri"] = MessagesPath + "?PageSize=50&Page=0",
        ["page"] = 0,
        ["page_size"] = 50,
        ["first_page_uri"] = MessagesPath + "?PageSize=50&Page=0",
        ["next_page_uri"] = null,
        ["previous_page_uri"] = null,
    }.ToJsonString();

    private static string Rfc2822(DateTimeOffset at) => at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);

    /// <summary>One message the fake holds.</summary>
    public sealed record Created(string Sid, string To, string Body, string? ServiceSid, DateTimeOffset CreatedAt, string? MessageId);
}

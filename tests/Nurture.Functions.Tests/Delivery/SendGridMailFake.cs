using System.Collections.Concurrent;
using System.Text.Json;

namespace Nurture.Functions.Tests.Delivery;

/// <summary>
/// SendGrid's Mail Send as a fake behind a <see cref="WireMockProvider"/>: 202 with an <c>X-Message-Id</c> for every
/// mail, each counted under the <c>nurture_message_id</c> of its <c>custom_args</c>; the Email Activity API answers
/// 403, as it does for an account without that paid add-on.
/// </summary>
public sealed class SendGridMailFake
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _to = new(StringComparer.Ordinal);
    private int _activitySearches;

    /// <summary>Mail Send calls per our message id.</summary>
    public IReadOnlyDictionary<string, int> CallsByMessageId => _calls;

    /// <summary>When the first call of each message id arrived.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> FirstCallAt => _firstAt;

    /// <summary>The first recipient of each message id.</summary>
    public IReadOnlyDictionary<string, string> ToByMessageId => _to;

    /// <summary>How many Email Activity searches were asked (acceptance checks).</summary>
    public int ActivitySearches => _activitySearches;

    /// <summary>The fake's answer to a request (set it as <see cref="WireMockProvider.Answer"/>).</summary>
    public ProviderAnswer Answer(ReceivedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == "GET" && request.Path.StartsWith("/v3/messages", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _activitySearches);
            return new ProviderAnswer(403, """{"errors":[{"field":null,"message":"access forbidden"}]}""");
        }

        if (request.Method != "POST" || request.Path != "/v3/mail/send")
        {
            return new ProviderAnswer(404);
        }

        using var mail = JsonDocument.Parse(request.Body);
        if (MessageIdOf(mail.RootElement) is { } messageId)
        {
            _calls.AddOrUpdate(messageId, 1, (_, n) => n + 1);
            _firstAt.TryAdd(messageId, DateTimeOffset.UtcNow);
            _to.TryAdd(messageId, mail.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!);
        }

        return new ProviderAnswer(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "sg" + Guid.NewGuid().ToString("N") });
    }

    /// <summary>Our message id in a Mail Send body (top-level <c>custom_args</c>), or null.</summary>
    public static string? MessageIdOf(JsonElement mail) =>
        mail.TryGetProperty("custom_args", out var args) && args.TryGetProperty("nurture_message_id", out var id) ? id.GetString() : null;
}

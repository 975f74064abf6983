using System.Text.Json;
using Nurture.Channels.Sending.Resilience;
using SendGrid;

namespace Nurture.Channels.Sending.SendGrid;

/// <summary>Provider-side idempotency through the Email Activity API.</summary>
public sealed partial class SendGridChannel
{
    /// <summary>How many matching messages one search returns at most.</summary>
    internal const int ActivityLimit = 10;

    /// <inheritdoc />
    public async Task<ChannelSendResult?> FindAcceptedAsync(string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var check = await SearchAsync(messageId, to: null, attemptedSince: null, cancellationToken).ConfigureAwait(false);
        return check.Answer == AcceptanceAnswer.Accepted ? check.Result : null;
    }

    /// <inheritdoc />
    public Task<AcceptanceCheck> CheckAcceptedAsync(OutboundMessage message, DateTimeOffset attemptedSince, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SearchAsync(message.MessageId, message.To, attemptedSince, cancellationToken);
    }

    /// <summary>The Email Activity search path for one of our message ids.</summary>
    /// <param name="messageId">Our message id.</param>
    /// <remarks>Custom args are searched as <c>unique_args['name']="value"</c>; the whole query is URL-encoded.</remarks>
    internal static string SearchPath(string messageId) =>
        "messages?limit=" + ActivityLimit + "&query=" + Uri.EscapeDataString("unique_args['" + SendGridArgs.MessageId + "']=\"" + messageId + "\"");

    private async Task<AcceptanceCheck> SearchAsync(string messageId, string? to, DateTimeOffset? attemptedSince, CancellationToken cancellationToken)
    {
        var check = await SearchCoreAsync(messageId, to, attemptedSince, cancellationToken).ConfigureAwait(false);
        ChannelsLog.Checked(_logger, ProviderName, messageId, check.Answer, check.Reason);
        return check;
    }

    private async Task<AcceptanceCheck> SearchCoreAsync(string messageId, string? to, DateTimeOffset? attemptedSince, CancellationToken cancellationToken)
    {
        if (!_options.EmailActivity)
        {
            return AcceptanceCheck.Unknown("Email Activity lookups are off (Channels:SendGrid:EmailActivity)");
        }

        if (_options.SandboxMode)
        {
            return AcceptanceCheck.Unknown("sandbox sends never reach the Email Activity feed");
        }

        if (messageId.Any(c => c is '"' or '\'' or '\\' || char.IsControl(c)))
        {
            return AcceptanceCheck.Unknown("the message id cannot be put in an Email Activity query");
        }

        using var scope = ProviderCallScope.Begin(cancellationToken);
        Response response;
        try
        {
            response = await _client.RequestAsync(BaseClient.Method.GET, urlPath: SearchPath(messageId), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnanswered(e, cancellationToken))
        {
            return AcceptanceCheck.Unknown("Email Activity did not answer: " + e.GetType().Name);
        }

        if (IsNotAvailable(response.StatusCode))
        {
            return AcceptanceCheck.Unknown("Email Activity API not available (HTTP " + (int)response.StatusCode + "): it needs the add-on and an API key with Email Activity access");
        }

        if (!response.IsSuccessStatusCode)
        {
            return AcceptanceCheck.Unknown("Email Activity answered HTTP " + (int)response.StatusCode);
        }

        var body = response.Body is null ? string.Empty : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Interpret(body, to, attemptedSince);
    }

    private AcceptanceCheck Interpret(string body, string? to, DateTimeOffset? attemptedSince)
    {
        List<(string MsgId, string? ToEmail)> found;
        try
        {
            found = Messages(body);
        }
        catch (JsonException)
        {
            return AcceptanceCheck.Unknown("Email Activity answered something that is not its JSON");
        }

        // The search is by our id; the recipient check guards against an id reused across environments on one account.
        var match = found.FirstOrDefault(m => to is null || m.ToEmail is null || string.Equals(m.ToEmail, to, StringComparison.OrdinalIgnoreCase));
        if (match.MsgId is not null)
        {
            return AcceptanceCheck.Accepted(new ChannelSendResult(ChannelSendStatus.Sent, match.MsgId), "listed in Email Activity");
        }

        if (found.Count > 0)
        {
            return AcceptanceCheck.Unknown("Email Activity lists this id for another recipient");
        }

        if (attemptedSince is not { } since)
        {
            return AcceptanceCheck.Unknown("not listed in Email Activity, and the attempt time is unknown");
        }

        var elapsed = _clock.GetUtcNow() - since;
        return elapsed < _options.ActivityVisibilityDelay
            ? AcceptanceCheck.Unknown("not listed in Email Activity yet; the feed can lag up to " + _options.ActivityVisibilityDelay)
            : AcceptanceCheck.NotAccepted("not listed in Email Activity " + elapsed + " after the first attempt");
    }

    private static List<(string MsgId, string? ToEmail)> Messages(string body)
    {
        using var document = JsonDocument.Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("messages", out var messages)
            || messages.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("no messages array");
        }

        var found = new List<(string, string?)>();
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("msg_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } msgId)
            {
                var toEmail = message.TryGetProperty("to_email", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                found.Add((msgId, toEmail));
            }
        }

        return found;
    }
}

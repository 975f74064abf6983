using System.Net;
using System.Text.Json;
using Nurture.Channels.Sending.Resilience;

namespace Nurture.Channels.Sending.SendGrid;

/// <summary>Classifies SendGrid's error answers into send results (pure).</summary>
/// <remarks>
/// The code is <c>http_{status}</c> (SendGrid's errors carry no numeric codes); the reason is the first error's
/// message and field, with anything that looks like an email address replaced, so no personal data is kept.
/// </remarks>
public static class SendGridErrors
{
    /// <summary>The result for a non-success answer.</summary>
    /// <param name="status">The final HTTP status.</param>
    /// <param name="body">The response body, if any.</param>
    /// <param name="retryAfter">The wait the provider asked for, if any.</param>
    public static ChannelSendResult Classify(HttpStatusCode status, string? body, TimeSpan? retryAfter)
    {
        var code = "http_" + ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (reason, field) = FirstError(body);
        var detail = "SendGrid " + (int)status + ": " + (reason ?? status.ToString()) + (field is null ? string.Empty : " (field " + field + ")");
        if (ProviderHttpClient.IsTransient(status))
        {
            var kind = status == HttpStatusCode.TooManyRequests ? ChannelFailureKind.Throttled : ChannelFailureKind.Unavailable;
            return ChannelSendResult.Transient(kind, code, detail, retryAfter);
        }

        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return ChannelSendResult.Permanent(ChannelFailureKind.Account, code, detail);
        }

        return IsRecipientField(field)
            ? ChannelSendResult.Permanent(ChannelFailureKind.Recipient, code, detail, RecipientImpact.EmailUnusable)
            : ChannelSendResult.Permanent(ChannelFailureKind.Request, code, detail);
    }

    /// <summary>True for a field naming a recipient address (<c>personalizations.0.to.0.email</c>, <c>...to</c>).</summary>
    /// <param name="field">The error's field.</param>
    internal static bool IsRecipientField(string? field) =>
        field is not null
        && field.StartsWith("personalizations", StringComparison.Ordinal)
        && (field.Contains(".to", StringComparison.Ordinal) || field.EndsWith(".email", StringComparison.Ordinal));

    private static (string? Reason, string? Field) FirstError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array
                && errors.GetArrayLength() > 0
                && errors[0].ValueKind == JsonValueKind.Object)
            {
                var first = errors[0];
                return (Scrub(Text(first, "message")), Scrub(Text(first, "field")));
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page): the status says enough.
        }

        return (null, null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Scrub(string? text) => text is null ? null : PersonalData.Scrub(text, 300);
}

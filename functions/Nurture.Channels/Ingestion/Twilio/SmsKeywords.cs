namespace Nurture.Channels.Ingestion.Twilio;

/// <summary>Classifies inbound SMS bodies by the carrier compliance keywords Twilio honours.</summary>
public static class SmsKeywords
{
    private static readonly Dictionary<string, SmsKeyword> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STOP"] = SmsKeyword.OptOut,
        ["STOPALL"] = SmsKeyword.OptOut,
        ["UNSUBSCRIBE"] = SmsKeyword.OptOut,
        ["CANCEL"] = SmsKeyword.OptOut,
        ["END"] = SmsKeyword.OptOut,
        ["QUIT"] = SmsKeyword.OptOut,
        ["START"] = SmsKeyword.OptIn,
        ["YES"] = SmsKeyword.OptIn,
        ["UNSTOP"] = SmsKeyword.OptIn,
        ["HELP"] = SmsKeyword.Help,
        ["INFO"] = SmsKeyword.Help,
    };

    /// <summary>
    /// The keyword the body is, if it is exactly one of them: one word, any case, surrounding whitespace and
    /// trailing <c>.</c> or <c>!</c> ignored. "Stop sending me offers" is not a keyword (Twilio agrees).
    /// </summary>
    public static SmsKeyword Classify(string? body)
    {
        if (string.IsNullOrWhiteSpace(body) || body.Length > 32)
        {
            return SmsKeyword.None;
        }

        var word = body.Trim().TrimEnd('.', '!').Trim();
        return Keywords.TryGetValue(word, out var keyword) ? keyword : SmsKeyword.None;
    }
}

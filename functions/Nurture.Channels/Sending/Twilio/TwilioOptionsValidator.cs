using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Nurture.Channels.Sending.Twilio;

/// <summary>Checks <see cref="TwilioOptions"/>; credentials and a sender are required only when Twilio is the SMS channel.</summary>
/// <param name="required">Whether Twilio is the configured SMS channel.</param>
internal sealed partial class TwilioOptionsValidator(bool required) : IValidateOptions<TwilioOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!required)
        {
            return ValidateOptionsResult.Success;
        }

        const string Section = TwilioOptions.SectionName;
        var problems = new List<string>();
        if (options.AccountSid is null || !Sid("AC").IsMatch(options.AccountSid))
        {
            problems.Add($"{Section}:AccountSid is required when {ChannelOptions.SectionName}:Sms is Twilio: 'AC' followed by 32 hex characters.");
        }

        var hasKey = !string.IsNullOrEmpty(options.ApiKeySid) || !string.IsNullOrEmpty(options.ApiKeySecret);
        if (hasKey && (options.ApiKeySid is null || !Sid("SK").IsMatch(options.ApiKeySid) || string.IsNullOrEmpty(options.ApiKeySecret)))
        {
            problems.Add($"{Section}:ApiKeySid ('SK' + 32 hex) and {Section}:ApiKeySecret go together.");
        }
        else if (!hasKey && string.IsNullOrEmpty(options.AuthToken))
        {
            problems.Add($"{Section}:AuthToken is required (or {Section}:ApiKeySid with {Section}:ApiKeySecret).");
        }

        if (!string.IsNullOrEmpty(options.MessagingServiceSid) && !Sid("MG").IsMatch(options.MessagingServiceSid))
        {
            problems.Add($"{Section}:MessagingServiceSid must be 'MG' followed by 32 hex characters.");
        }

        if (!string.IsNullOrEmpty(options.FromNumber) && !E164().IsMatch(options.FromNumber))
        {
            problems.Add($"{Section}:FromNumber must be an E.164 number such as +16135550135.");
        }

        if (string.IsNullOrEmpty(options.MessagingServiceSid) && string.IsNullOrEmpty(options.FromNumber))
        {
            problems.Add($"{Section}:MessagingServiceSid or {Section}:FromNumber is required: who sends the SMS.");
        }

        if (!options.StatusCallbackPath.StartsWith('/') || options.StatusCallbackPath.Contains('?', StringComparison.Ordinal))
        {
            problems.Add($"{Section}:StatusCallbackPath must be a path starting with '/' and without a query.");
        }

        if (string.IsNullOrWhiteSpace(options.OptOutText) || options.OptOutText.Length > 100)
        {
            problems.Add($"{Section}:OptOutText must be 1 to 100 characters (default \"{TwilioOptions.DefaultOptOutText}\").");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http") || baseUrl.AbsolutePath != "/")
        {
            problems.Add($"{Section}:BaseUrl must be an absolute http(s) URL without a path (default {TwilioOptions.DefaultBaseUrl}).");
        }

        if (options.LookupPageSize is < 1 or > 1000)
        {
            problems.Add($"{Section}:LookupPageSize must be between 1 and 1000.");
        }

        if (options.LookupClockSkew < TimeSpan.Zero)
        {
            problems.Add($"{Section}:LookupClockSkew must not be negative.");
        }

        problems.AddRange(options.Retry.Problems(Section + ":Retry"));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>True for an E.164 number.</summary>
    /// <param name="value">The candidate.</param>
    internal static bool IsE164(string? value) => value is not null && E164().IsMatch(value);

    private static Regex Sid(string prefix) => prefix switch
    {
        "AC" => AccountSidPattern(),
        "SK" => ApiKeySidPattern(),
        _ => ServiceSidPattern(),
    };

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();

    [GeneratedRegex("^SK[0-9a-fA-F]{32}$")]
    private static partial Regex ApiKeySidPattern();

    [GeneratedRegex("^MG[0-9a-fA-F]{32}$")]
    private static partial Regex ServiceSidPattern();

    [GeneratedRegex(@"^\+[1-9]\d{6,14}$")]
    private static partial Regex E164();
}

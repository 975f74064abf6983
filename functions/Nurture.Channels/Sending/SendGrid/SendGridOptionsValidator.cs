using Microsoft.Extensions.Options;

namespace Nurture.Channels.Sending.SendGrid;

/// <summary>Checks <see cref="SendGridOptions"/>; the key is required only when SendGrid is the email channel.</summary>
/// <param name="required">Whether SendGrid is the configured email channel.</param>
internal sealed class SendGridOptionsValidator(bool required) : IValidateOptions<SendGridOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SendGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!required)
        {
            return ValidateOptionsResult.Success;
        }

        const string Section = SendGridOptions.SectionName;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            problems.Add($"{Section}:ApiKey is required when {ChannelOptions.SectionName}:Email is SendGrid (an API key with Mail Send access).");
        }
        else if (options.ApiKey.Any(char.IsWhiteSpace))
        {
            problems.Add($"{Section}:ApiKey must not contain spaces.");
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("https" or "http"))
        {
            problems.Add($"{Section}:BaseUrl must be an absolute http(s) URL (default https://api.sendgrid.com).");
        }

        if (options.UnsubscribeGroupId is <= 0)
        {
            problems.Add($"{Section}:UnsubscribeGroupId must be a positive SendGrid group id when set.");
        }

        if (options.ActivityVisibilityDelay < TimeSpan.Zero)
        {
            problems.Add($"{Section}:ActivityVisibilityDelay must not be negative.");
        }

        problems.AddRange(options.Retry.Problems(Section + ":Retry"));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

using Microsoft.Extensions.Options;

namespace Nurture.Channels.Sending;

/// <summary>Checks <see cref="ChannelOptions"/>: a provider needs an absolute public base URL (HTTPS, or HTTP on loopback).</summary>
internal sealed class ChannelOptionsValidator : IValidateOptions<ChannelOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Section = ChannelOptions.SectionName;
        if (!Enum.IsDefined(options.Email))
        {
            problems.Add($"{Section}:Email must be one of {string.Join(", ", Enum.GetNames<EmailProvider>())}.");
        }

        if (!Enum.IsDefined(options.Sms))
        {
            problems.Add($"{Section}:Sms must be one of {string.Join(", ", Enum.GetNames<SmsProvider>())}.");
        }

        var needsBase = options.Email != EmailProvider.Outbox || options.Sms != SmsProvider.Outbox;
        if (options.PublicBaseUrl is { Length: > 0 } url)
        {
            if (PublicUrlProblem(url) is { } problem)
            {
                problems.Add($"{Section}:PublicBaseUrl {problem}");
            }
        }
        else if (needsBase)
        {
            problems.Add($"{Section}:PublicBaseUrl is required when a provider is used (Email={options.Email}, Sms={options.Sms}): the app's public HTTPS root for status callbacks and unsubscribe links.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>What is wrong with a public base URL, or null.</summary>
    /// <param name="url">The URL.</param>
    internal static string? PublicUrlProblem(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) ? "must be an absolute URL such as https://nurture.example.com."
        : uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback) ? "must use https (http is accepted only on loopback)."
        : !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) ? "must not carry a query or fragment."
        : null;
}

using System.Net.Mail;
using Microsoft.Extensions.Options;
using Nurture.Channels.Sending.Shops;

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

        problems.AddRange(ShopProblems(options));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static IEnumerable<string> ShopProblems(ChannelOptions options)
    {
        foreach (var group in options.Shops.GroupBy(p => ShopKeys.Normalize(p.Key)).Where(g => g.Count() > 1))
        {
            yield return $"{ChannelOptions.SectionName}:Shops names shop '{group.Key}' {group.Count()} times; keep one entry.";
        }

        foreach (var (shop, settings) in options.Shops)
        {
            var path = $"{ChannelOptions.SectionName}:Shops:{shop}";
            if (ShopKeys.Normalize(shop).Length == 0)
            {
                yield return $"{path} needs a shop domain (or '{ShopKeys.Default}') as its key.";
            }

            foreach (var (name, value) in new[] { ("EmailFrom", settings.EmailFrom), ("ReplyTo", settings.ReplyTo) })
            {
                if (!string.IsNullOrWhiteSpace(value) && !IsAddress(value))
                {
                    yield return $"{path}:{name} must be a plain email address such as hello@shop.example.";
                }
            }

            if (settings.SmsOptOut is { } policy && !Enum.IsDefined(policy))
            {
                yield return $"{path}:SmsOptOut must be one of {string.Join(", ", Enum.GetNames<SmsOptOutPolicy>())}.";
            }

            if (settings.SmsOptOutText is { } text && (string.IsNullOrWhiteSpace(text) || text.Length > 100))
            {
                yield return $"{path}:SmsOptOutText must be 1 to 100 characters.";
            }
        }
    }

    private static bool IsAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value.Trim() && string.IsNullOrEmpty(address.DisplayName);

    /// <summary>What is wrong with a public base URL, or null.</summary>
    /// <param name="url">The URL.</param>
    internal static string? PublicUrlProblem(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) ? "must be an absolute URL such as https://nurture.example.com."
        : uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback) ? "must use https (http is accepted only on loopback)."
        : !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) ? "must not carry a query or fragment."
        : null;
}

using System.Text;
using Microsoft.Extensions.Options;

namespace Nurture.Channels.Unsubscribe;

/// <summary>Checks <see cref="UnsubscribeOptions"/>; the secret is required only when marketing email leaves through a provider.</summary>
/// <param name="secretRequired">Whether a secret must be configured (SendGrid is the email channel).</param>
internal sealed class UnsubscribeOptionsValidator(bool secretRequired) : IValidateOptions<UnsubscribeOptions>
{
    /// <summary>The shortest secret accepted, in UTF-8 bytes.</summary>
    public const int MinSecretBytes = 32;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, UnsubscribeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        const string Section = UnsubscribeOptions.SectionName;
        if ((secretRequired || !string.IsNullOrEmpty(options.Secret)) && SecretProblem(options.Secret, Section + ":Secret") is { } secret)
        {
            problems.Add(secret);
        }

        for (var i = 0; i < options.PreviousSecrets.Count; i++)
        {
            if (SecretProblem(options.PreviousSecrets[i], $"{Section}:PreviousSecrets:{i}") is { } previous)
            {
                problems.Add(previous);
            }
        }

        if (options.Validity <= TimeSpan.Zero)
        {
            problems.Add($"{Section}:Validity must be positive (it is {options.Validity}); the default is 730 days.");
        }

        if (options.MailtoAddress is { Length: > 0 } mailto && (mailto.Contains('?', StringComparison.Ordinal) || !mailto.Contains('@', StringComparison.Ordinal)))
        {
            problems.Add($"{Section}:MailtoAddress must be a bare email address such as unsubscribe@shop.example.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>What is wrong with a secret, or null.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="setting">The setting's path, for the message.</param>
    internal static string? SecretProblem(string? secret, string setting) =>
        string.IsNullOrEmpty(secret) ? $"{setting} is required: a random secret of at least {MinSecretBytes} bytes that signs one-click unsubscribe links."
        : Encoding.UTF8.GetByteCount(secret) < MinSecretBytes ? $"{setting} must be at least {MinSecretBytes} bytes long."
        : null;
}

using Microsoft.Extensions.Options;

namespace Nurture.Functions.Journeys;

/// <summary>Stops the app at start when a send-policy setting is malformed, naming the setting and the expected form.</summary>
public sealed class SendPolicySettingsValidator : IValidateOptions<SendPolicySettings>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SendPolicySettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            options.ToPolicy();
            return ValidateOptionsResult.Success;
        }
        catch (FormatException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}

using Microsoft.Extensions.Options;
using Nurture.Core.SendTime;

namespace Nurture.Functions.SendTime;

/// <summary>Fails the start on bad <c>SendTime</c> settings, naming each one (<see cref="SendTimeOptions.Problems"/>).</summary>
internal sealed class SendTimeOptionsValidator : IValidateOptions<SendTimeOptions>
{
    public ValidateOptionsResult Validate(string? name, SendTimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

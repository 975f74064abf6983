using Microsoft.Extensions.Options;

namespace Nurture.Functions.Reports;

/// <summary>Fails start with every problem the metrics settings class names itself (each naming the setting).</summary>
/// <typeparam name="T">The settings class.</typeparam>
/// <param name="problems">The class's own check.</param>
internal sealed class MetricSettingsValidator<T>(Func<T, IReadOnlyList<string>> problems) : IValidateOptions<T>
    where T : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var found = problems(options);
        return found.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(found);
    }
}

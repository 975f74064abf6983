using System.Text;
using Microsoft.Extensions.Configuration;

namespace Nurture.LocalHost.Metadata;

/// <summary>
/// Resolves <c>%Setting%</c> binding expressions from configuration the way the Functions host does: every
/// <c>%Name%</c> in a value is replaced by the setting <c>Name</c>; a missing setting is an error naming it.
/// </summary>
public static class BindingExpressions
{
    /// <summary>Returns the value with every <c>%Name%</c> replaced; throws when a setting is missing or a <c>%</c> is unmatched.</summary>
    public static string Resolve(string value, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(configuration);
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder(value.Length);
        var position = 0;
        while (position < value.Length)
        {
            var start = value.IndexOf('%', position);
            if (start < 0)
            {
                result.Append(value, position, value.Length - position);
                break;
            }

            var end = value.IndexOf('%', start + 1);
            if (end < 0)
            {
                throw new InvalidOperationException($"Binding expression '{value}' has an unmatched '%'.");
            }

            var name = value[(start + 1)..end];
            if (name.Length == 0)
            {
                throw new InvalidOperationException($"Binding expression '{value}' has an empty '%%' setting name.");
            }

            var setting = configuration[name]
                ?? throw new InvalidOperationException($"Binding expression '{value}' needs the setting '{name}', which is not configured.");
            result.Append(value, position, start - position).Append(setting);
            position = end + 1;
        }

        return result.ToString();
    }
}

namespace Nurture.Core.Metrics;

/// <summary>Turns a settings class's problems into one clear exception.</summary>
internal static class SettingsGuard
{
    /// <summary>Throws <see cref="ArgumentException"/> naming every problem, if any.</summary>
    public static void ThrowIfAny(IReadOnlyList<string> problems, string paramName)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), paramName);
        }
    }
}

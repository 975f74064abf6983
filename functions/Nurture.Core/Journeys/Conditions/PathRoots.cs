namespace Nurture.Core.Journeys.Conditions;

/// <summary>The roots a condition path may start with.</summary>
public static class PathRoots
{
#pragma warning disable CS1591 // The names say what they are.
    public const string Event = "event";
    public const string Trigger = "trigger";
    public const string LastEvent = "last_event";
    public const string Contact = "contact";
#pragma warning restore CS1591

    /// <summary>Every root.</summary>
    public static IReadOnlyList<string> All { get; } = [Event, Trigger, LastEvent, Contact];

    /// <summary>Whether a path starts with a known root.</summary>
    /// <param name="path">The path.</param>
    public static bool IsRooted(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var root = dot < 0 ? path : path[..dot];
        return All.Contains(root, StringComparer.Ordinal);
    }
}

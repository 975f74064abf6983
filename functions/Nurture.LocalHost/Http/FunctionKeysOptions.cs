namespace Nurture.LocalHost.Http;

/// <summary>
/// Keys for HTTP functions (section <c>FunctionKeys</c>): <c>FunctionKeys__MasterKey</c>, <c>FunctionKeys__Default</c>,
/// <c>FunctionKeys__Functions__&lt;name&gt;</c>. In Azure the Functions host keeps its keys itself.
/// </summary>
public sealed class FunctionKeysOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FunctionKeys";

    /// <summary>The master key: admin functions, and every function.</summary>
    public string? MasterKey { get; set; }

    /// <summary>The host's default function key: every function-level function.</summary>
    public string? Default { get; set; }

    /// <summary>Keys for single functions, by function name.</summary>
    public Dictionary<string, string> Functions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

namespace Nurture.Functions.Catalog;

/// <summary>The names of the app's own functions, one constant each: never repeat a function name as a literal.</summary>
public static class FunctionNames
{
    /// <summary><c>GET /api/health</c>: whether storage is reachable.</summary>
    public const string Health = nameof(Health);
}

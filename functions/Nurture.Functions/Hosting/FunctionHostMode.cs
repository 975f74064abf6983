namespace Nurture.Functions.Hosting;

/// <summary>Which host runs the catalog.</summary>
public enum FunctionHostMode
{
    /// <summary>Nurture's own host: Kestrel, queue listener and timer scheduler.</summary>
    Standalone,

    /// <summary>Behind the Azure Functions host, which owns the triggers and calls <c>/{FunctionName}</c>.</summary>
    CustomHandler,
}

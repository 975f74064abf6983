namespace Nurture.LocalHost.Catalog;

/// <summary>The app's metadata describes functions the local host cannot run; each problem names its function (and parameter).</summary>
public sealed class FunctionCatalogException : InvalidOperationException
{
    /// <summary>Creates the exception from the problems found.</summary>
    public FunctionCatalogException(IReadOnlyList<string> problems)
        : base("The app's functions cannot all run on the local host: " + string.Join(" ", problems ?? []))
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
    }

    /// <summary>One line per problem, each starting with <c>Function 'name'</c>.</summary>
    public IReadOnlyList<string> Problems { get; }
}

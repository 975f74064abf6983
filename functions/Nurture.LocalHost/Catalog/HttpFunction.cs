using System.Reflection;
using Nurture.LocalHost.Binding;
using Nurture.LocalHost.Http;

namespace Nurture.LocalHost.Catalog;

/// <summary>An <c>httpTrigger</c> function.</summary>
public sealed class HttpFunction : LocalFunction
{
    internal HttpFunction(string name, MethodInfo method, BoundMethod binding, string route, IReadOnlyList<string> methods, AuthorizationLevel authLevel)
        : base(name, method, binding)
    {
        Route = route;
        Methods = methods;
        AuthLevel = authLevel;
    }

    /// <inheritdoc />
    public override TriggerKind Trigger => TriggerKind.Http;

    /// <summary>The route below the prefix (the function name when the metadata has none).</summary>
    public string Route { get; }

    /// <summary>The accepted methods, upper case; empty means every method.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The key the function needs.</summary>
    public AuthorizationLevel AuthLevel { get; }
}

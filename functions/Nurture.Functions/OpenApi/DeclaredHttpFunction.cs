using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.Functions.OpenApi;

/// <summary>An HTTP function as its attributes declare it.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Route">The route template, without the host's route prefix.</param>
/// <param name="Methods">The HTTP methods, upper case.</param>
/// <param name="AuthLevel">The authorization level.</param>
/// <param name="Method">The <c>[Function]</c> method, which carries the <c>Api*</c> declarations of its bodies and parameters.</param>
public sealed record DeclaredHttpFunction(string Name, string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel, MethodInfo Method)
{
    /// <summary>The declared answers.</summary>
    public IReadOnlyList<ApiResponseAttribute> Responses => [.. Method.GetCustomAttributes<ApiResponseAttribute>()];

    /// <summary>The declared request body, if any.</summary>
    public ApiRequestBodyAttribute? RequestBody => Method.GetCustomAttribute<ApiRequestBodyAttribute>();

    /// <summary>The declared query, header and path parameters.</summary>
    public IReadOnlyList<ApiParameterAttribute> Parameters => [.. Method.GetCustomAttributes<ApiParameterAttribute>()];
}

using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Nurture.LocalHost.Binding;

/// <summary>Finds the method an <c>entryPoint</c> (<c>Namespace.Class.Method</c>) names in the app assembly.</summary>
internal static class EntryPointResolver
{
    private const BindingFlags Methods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>The method, or an error saying why there is none.</summary>
    public static MethodInfo Resolve(Assembly assembly, string functionName, string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0 || dot == entryPoint.Length - 1)
        {
            throw new BindingProblemException($"entry point '{entryPoint}' is not 'Namespace.Class.Method'.");
        }

        var typeName = entryPoint[..dot];
        var methodName = entryPoint[(dot + 1)..];

        // The SDK writes nested classes with '.', reflection names them with '+'.
        var type = assembly.GetType(typeName) ?? FindNested(assembly, typeName)
            ?? throw new BindingProblemException($"entry point '{entryPoint}': the app assembly {assembly.GetName().Name} has no class '{typeName}'.");
        var candidates = type.GetMethods(Methods).Where(m => m.Name == methodName).ToList();
        if (candidates.Count > 1)
        {
            candidates = [.. candidates.Where(m => string.Equals(m.GetCustomAttribute<FunctionAttribute>()?.Name, functionName, StringComparison.OrdinalIgnoreCase))];
        }

        return candidates switch
        {
            [var method] => method,
            [] => throw new BindingProblemException($"entry point '{entryPoint}': class '{typeName}' has no method '{methodName}'."),
            _ => throw new BindingProblemException($"entry point '{entryPoint}' names {candidates.Count} overloads; keep one [Function] method of that name."),
        };
    }

    private static Type? FindNested(Assembly assembly, string typeName)
    {
        for (var split = typeName.LastIndexOf('.'); split > 0; split = typeName.LastIndexOf('.', split - 1))
        {
            var candidate = typeName[..split] + "+" + typeName[(split + 1)..].Replace('.', '+');
            if (assembly.GetType(candidate) is { } type)
            {
                return type;
            }
        }

        return null;
    }
}

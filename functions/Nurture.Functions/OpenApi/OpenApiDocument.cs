using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Nurture.Functions.Http;

namespace Nurture.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 description of every HTTP function, built from the same <c>[Function]</c>/<c>[HttpTrigger]</c>
/// declarations the Worker SDK turns into <c>functions.metadata</c> (so it cannot drift from what is served) and the
/// <c>Api*</c> attributes next to them: paths, methods, parameters with their types, request and response bodies
/// with schemas generated from the body types (<see cref="ApiSchemas"/>), problem answers, and the key schemes.
/// </summary>
public static partial class OpenApiDocument
{
    /// <summary>The OpenAPI version written.</summary>
    public const string Version = "3.1.0";

    /// <summary>Builds the document for the HTTP functions declared in <paramref name="assembly"/>, served under <paramref name="routePrefix"/>.</summary>
    /// <param name="assembly">The function app's assembly.</param>
    /// <param name="routePrefix">The host's route prefix (<c>api</c> by default; empty for none).</param>
    public static JsonObject Build(Assembly assembly, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(routePrefix);
        var schemas = new ApiSchemas(ApiJson.Options);
        var paths = new JsonObject();
        foreach (var function in HttpFunctions(assembly).OrderBy(f => f.Route, StringComparer.Ordinal).ThenBy(f => f.Name, StringComparer.Ordinal))
        {
            var route = PathOf(routePrefix, function.Route);
            var path = paths[route] as JsonObject ?? new JsonObject();
            paths[route] = path;
            foreach (var method in function.Methods)
            {
                var operationId = function.Methods.Count > 1 ? function.Name + "_" + method : function.Name;
                path[method.ToLowerInvariant()] = Operation(function, route, operationId, schemas);
            }
        }

        var components = new JsonObject
        {
            ["securitySchemes"] = SecuritySchemes(),
            ["schemas"] = Schemas(schemas),
        };
        return new JsonObject
        {
            ["openapi"] = Version,
            ["info"] = new JsonObject
            {
                ["title"] = "Nurture",
                ["version"] = "1.0",
                ["description"] = "Marketing automation for online shops: webhooks, contacts, templates, journeys. "
                    + "Bodies are JSON with snake_case names and enum values as strings; errors are RFC 7807 problems that say what to fix.",
            },
            ["paths"] = paths,
            ["components"] = components,
        };
    }

    /// <summary>Every <c>[Function]</c> method of the assembly with an <c>[HttpTrigger]</c> parameter.</summary>
    /// <param name="assembly">The function app's assembly.</param>
    public static IEnumerable<DeclaredHttpFunction> HttpFunctions(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is not null)
            {
                var methods = trigger.Methods is { Length: > 0 } declared ? declared.Select(m => m.ToUpperInvariant()).ToList() : ["GET", "POST"];
                yield return new DeclaredHttpFunction(function.Name, trigger.Route ?? function.Name, methods, trigger.AuthLevel, method);
            }
        }
    }

    /// <summary>The path a function is served at, as OpenAPI writes it: the prefix, then its route without constraints.</summary>
    /// <param name="routePrefix">The host's route prefix.</param>
    /// <param name="route">The function's route.</param>
    public static string PathOf(string routePrefix, string route)
    {
        ArgumentNullException.ThrowIfNull(routePrefix);
        ArgumentNullException.ThrowIfNull(route);
        var template = RouteParameter().Replace(route.Trim('/'), m => "{" + m.Groups["name"].Value + "}");
        return "/" + string.Join('/', new[] { routePrefix.Trim('/'), template }.Where(p => p.Length > 0));
    }
}

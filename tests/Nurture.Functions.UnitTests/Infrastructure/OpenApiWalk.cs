using System.Text.Json.Nodes;

namespace Nurture.Functions.UnitTests.Infrastructure;

/// <summary>Walks an OpenAPI document as JSON: the schemas of every body and parameter, $ref targets, JSON pointers.</summary>
public static class OpenApiWalk
{
    public static IEnumerable<(string Where, JsonNode? Schema)> BodySchemas(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation!["requestBody"]?["content"] is JsonObject request)
                {
                    yield return ($"{method} {path} request", request.Single().Value!["schema"]);
                }

                foreach (var (status, response) in operation["responses"]!.AsObject())
                {
                    if (response!["content"] is JsonObject content)
                    {
                        foreach (var (mediaType, body) in content)
                        {
                            yield return ($"{method} {path} {status} {mediaType}", body!["schema"]);
                        }
                    }
                }

                foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                {
                    yield return ($"{method} {path} {parameter!["name"]}", parameter["schema"]);
                }
            }
        }
    }

    public static JsonNode? Resolve(JsonObject document, JsonNode? schema) =>
        schema is JsonObject node && (string?)node["$ref"] is { } reference ? Resolve(document, Pointer(document, reference)) : schema;

    public static bool IsConstraining(JsonNode? schema) =>
        schema is JsonObject node && new[] { "type", "properties", "oneOf", "anyOf", "allOf", "enum", "const", "$ref" }.Any(node.ContainsKey);

    public static JsonNode? Pointer(JsonObject document, string reference)
    {
        JsonNode? node = document;
        foreach (var segment in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = node?[segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }

    public static void CollectRefs(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref")
                    {
                        references.Add((string)value!);
                    }
                    else if (key == "mapping")
                    {
                        references.AddRange(value!.AsObject().Select(m => (string)m.Value!));
                    }
                    else
                    {
                        CollectRefs(value, references);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    CollectRefs(item, references);
                }

                break;
        }
    }
}

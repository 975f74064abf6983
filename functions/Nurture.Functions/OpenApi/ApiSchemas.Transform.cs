using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Nurture.Functions.OpenApi;

public sealed partial class ApiSchemas
{
    // Keywords a property's schema carries next to its type, kept when the type becomes a reference.
    private static readonly string[] PropertyKeywords = ["default", "description"];

    // Collections being generated again for a pointer, so one met inside itself is not generated forever.
    private readonly HashSet<Type> _regenerating = [];

    // Called by the exporter for every schema it builds, innermost first.
    private JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        var info = context.TypeInfo;
        if (schema is JsonValue anything && anything.GetValueKind() == System.Text.Json.JsonValueKind.True)
        {
            // Any JSON (a JsonElement): the empty schema, as an object, which every OpenAPI reader understands.
            schema = new JsonObject();
        }

        if (context.Path.IsEmpty)
        {
            return Root(info, schema);
        }

        if (context.BaseTypeInfo is { } baseInfo && baseInfo.Type != info.Type)
        {
            return DerivedCase(info, baseInfo, schema);
        }

        if (IsComponent(info))
        {
            return WithPropertyKeywords(schema, OrNull(Reference(ComponentType(info.Type)), AllowsNull(context, schema)));
        }

        if (IsPointer(schema) && _regenerating.Add(info.Type))
        {
            // A collection the exporter met before: generate it again, so nothing points into another schema. Met
            // again while regenerating it, it lies inside an object type that becomes a reference: leave it.
            try
            {
                return WithPropertyKeywords(schema, OrNull(Generate(info.Type), AllowsNull(context, schema)));
            }
            finally
            {
                _regenerating.Remove(info.Type);
            }
        }

        return schema;
    }

    private JsonNode Root(JsonTypeInfo info, JsonNode schema)
    {
        if (schema is not JsonObject root)
        {
            return schema;
        }

        if (ComponentType(info.Type).IsEnum)
        {
            root.Insert(0, "type", "string");
        }

        OptionalWhenNull(info, root);

        if (info.PolymorphismOptions is { } polymorphism && root["anyOf"] is JsonArray cases)
        {
            var mapping = new JsonObject();
            foreach (var derived in polymorphism.DerivedTypes)
            {
                if (derived.TypeDiscriminator is { } discriminator)
                {
                    mapping[discriminator.ToString()!] = ComponentPrefix + NameOf(derived.DerivedType);
                }
            }

            return new JsonObject
            {
                ["type"] = "object",
                ["oneOf"] = cases.DeepClone(),
                ["discriminator"] = new JsonObject { ["propertyName"] = polymorphism.TypeDiscriminatorPropertyName, ["mapping"] = mapping },
            };
        }

        return root;
    }

    private JsonObject DerivedCase(JsonTypeInfo info, JsonTypeInfo baseInfo, JsonNode schema)
    {
        var name = NameOf(info.Type);
        if (schema is JsonObject derived && !IsPointer(schema))
        {
            // Only here does the derived type's schema carry the discriminator, so it is the component itself.
            derived.Insert(0, "type", "object");
            var discriminator = baseInfo.PolymorphismOptions?.TypeDiscriminatorPropertyName ?? "$type";
            var required = derived["required"] as JsonArray ?? [];
            if (!required.Any(r => r?.GetValue<string>() == discriminator))
            {
                required.Insert(0, discriminator);
            }

            derived["required"] = required.DeepClone();
            OptionalWhenNull(info, derived);
            _components[name] = derived.DeepClone();
        }

        return Reference(info.Type);
    }

    // The exporter requires every constructor parameter without a default, but a null one is left out of the JSON.
    private void OptionalWhenNull(JsonTypeInfo info, JsonObject schema)
    {
        if (info.Kind != JsonTypeInfoKind.Object || schema["required"] is not JsonArray required
            || _options.DefaultIgnoreCondition is not (JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault))
        {
            return;
        }

        var omitted = info.Properties.Where(p => p.IsGetNullable).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var kept = required.Select(r => r?.GetValue<string>()).Where(name => name is not null && !omitted.Contains(name)).ToList();
        if (kept.Count == 0)
        {
            schema.Remove("required");
        }
        else
        {
            schema["required"] = new JsonArray([.. kept.Select(name => (JsonNode?)JsonValue.Create(name))]);
        }
    }

    private static bool AllowsNull(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (Nullable.GetUnderlyingType(context.TypeInfo.Type) is not null)
        {
            return true;
        }

        if (schema is JsonObject node && node["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null"))
        {
            return true;
        }

        // The exporter leaves nullability off its pointers: the property says it.
        return IsPointer(schema) && context.PropertyInfo is { IsGetNullable: true };
    }

    private static JsonNode OrNull(JsonNode schema, bool allowsNull)
    {
        if (!allowsNull)
        {
            return schema;
        }

        if (schema is JsonObject node && node["type"] is JsonValue single)
        {
            node["type"] = new JsonArray(single.GetValue<string>(), "null");
            return node;
        }

        if (schema is JsonObject array && array["type"] is JsonArray types)
        {
            if (!types.Any(t => t?.GetValue<string>() == "null"))
            {
                types.Add("null");
            }

            return array;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
    }

    private static JsonNode WithPropertyKeywords(JsonNode from, JsonNode to)
    {
        if (from is JsonObject source && to is JsonObject target)
        {
            foreach (var keyword in PropertyKeywords)
            {
                if (source.TryGetPropertyValue(keyword, out var value) && !target.ContainsKey(keyword))
                {
                    target[keyword] = value?.DeepClone();
                }
            }
        }

        return to;
    }

    private static bool IsPointer(JsonNode schema) =>
        schema is JsonObject node && node["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target
        && target.StartsWith('#') && !target.StartsWith(ComponentPrefix, StringComparison.Ordinal);
}

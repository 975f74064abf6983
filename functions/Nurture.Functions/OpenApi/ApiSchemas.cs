using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Nurture.Functions.OpenApi;

/// <summary>
/// JSON Schemas for the API's bodies, generated from System.Text.Json's own contract for the types (so names, enum
/// values and optional members are what is served), collected as OpenAPI <c>components/schemas</c>: every object
/// type and enum becomes one named schema, referenced with <c>$ref</c> wherever it appears; a polymorphic base
/// becomes a <c>oneOf</c> of its derived types with a <c>discriminator</c>.
/// </summary>
/// <remarks>
/// The exporter itself reuses a repeated type by a JSON pointer into the schema it is building; such pointers would
/// dangle once the pieces are split into components, so every one is replaced: by a component reference for object
/// types and enums, by a freshly generated schema for collections.
/// </remarks>
public sealed partial class ApiSchemas
{
    /// <summary>Where component schemas live in an OpenAPI document.</summary>
    public const string ComponentPrefix = "#/components/schemas/";

    private readonly JsonSerializerOptions _options;
    private readonly JsonSchemaExporterOptions _exporterOptions;
    private readonly SortedDictionary<string, JsonNode> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _names = [];
    private readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);
    private readonly Queue<Type> _pending = new();

    /// <summary>Schemas for bodies as <paramref name="options"/> write and read them.</summary>
    /// <param name="options">The serializer options of the API.</param>
    public ApiSchemas(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _exporterOptions = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };
    }

    /// <summary>The schema to use for a body or parameter of <paramref name="type"/>: a reference for object types and enums, inline otherwise.</summary>
    /// <param name="type">The type.</param>
    public JsonNode For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var info = _options.GetTypeInfo(type);
        return IsComponent(info) ? Reference(ComponentType(info.Type)) : Generate(type);
    }

    /// <summary>Every component schema referenced so far (and the ones they reference), by name.</summary>
    public JsonObject Components()
    {
        while (_pending.TryDequeue(out var type))
        {
            var name = _names[type];
            if (!_components.ContainsKey(name))
            {
                // Claimed before generating, so a type that contains itself refers to itself instead of recursing.
                _components[name] = new JsonObject();
                _components[name] = Generate(type);
            }
        }

        var components = new JsonObject();
        foreach (var (name, schema) in _components)
        {
            components[name] = schema.DeepClone();
        }

        return components;
    }

    /// <summary>The component name of <paramref name="type"/>, registering it.</summary>
    /// <param name="type">An object type or enum.</param>
    public string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_names.TryGetValue(type, out var known))
        {
            return known;
        }

        var name = Readable(type);
        if (!_takenNames.Add(name))
        {
            name = (type.FullName ?? name).Replace('+', '.');
            _takenNames.Add(name);
        }

        _names[type] = name;
        _pending.Enqueue(type);
        return name;
    }

    private JsonObject Reference(Type type) => new() { ["$ref"] = ComponentPrefix + NameOf(type) };

    private JsonNode Generate(Type type) => _options.GetJsonSchemaAsNode(type, _exporterOptions);

    private static bool IsComponent(JsonTypeInfo info)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return type.IsEnum || (info.Kind == JsonTypeInfoKind.Object && !typeof(JsonNode).IsAssignableFrom(type));
    }

    private static Type ComponentType(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static string Readable(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(Readable))
            : type.Name;
}

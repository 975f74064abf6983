using System.Text.Json;

namespace Nurture.LocalHost.Metadata;

/// <summary>Reads the <c>functions.metadata</c> file the Worker SDK writes at build: the app's one catalog.</summary>
public static class FunctionMetadataReader
{
    /// <summary>The file's name in the app's output folder.</summary>
    public const string FileName = "functions.metadata";

    /// <summary>Reads the file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a metadata array; the message says where.</exception>
    public static IReadOnlyList<FunctionMetadataEntry> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The app's {FileName} was not found at '{path}'; building the app with the Worker SDK writes it.", path);
        }

        using var stream = File.OpenRead(path);
        try
        {
            using var document = JsonDocument.Parse(stream);
            return Parse(document.RootElement, path);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Parses metadata JSON text (the file's content).</summary>
    public static IReadOnlyList<FunctionMetadataEntry> Parse(string json, string source = FileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Parse(document.RootElement, source);
    }

    private static List<FunctionMetadataEntry> Parse(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"'{source}' must hold a JSON array of functions.");
        }

        var functions = new List<FunctionMetadataEntry>();
        var index = 0;
        foreach (var function in root.EnumerateArray())
        {
            try
            {
                functions.Add(ParseFunction(function));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"'{source}', function #{index}: {e.Message}", e);
            }

            index++;
        }

        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"'{source}' declares function '{duplicate.Key}' {duplicate.Count()} times.");
        }

        return functions;
    }

    private static FunctionMetadataEntry ParseFunction(JsonElement function)
    {
        if (function.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("not a JSON object.");
        }

        var name = String(function, "name") ?? throw new InvalidDataException("no \"name\".");
        var entryPoint = String(function, "entryPoint") ?? throw new InvalidDataException($"function '{name}' has no \"entryPoint\".");
        var bindings = new List<BindingMetadataEntry>();
        if (TryGet(function, "bindings", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var binding in array.EnumerateArray())
            {
                try
                {
                    bindings.Add(new BindingMetadataEntry(binding));
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"function '{name}': {e.Message}", e);
                }
            }
        }

        return new FunctionMetadataEntry(name, String(function, "scriptFile"), entryPoint, bindings);
    }

    private static string? String(JsonElement element, string property) =>
        TryGet(element, property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGet(JsonElement element, string property, out JsonElement value)
    {
        foreach (var candidate in element.EnumerateObject())
        {
            if (string.Equals(candidate.Name, property, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}

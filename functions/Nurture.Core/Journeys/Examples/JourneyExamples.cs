using Nurture.Core.Journeys.Model;
using Nurture.Core.Journeys.Serialization;

namespace Nurture.Core.Journeys.Examples;

/// <summary>The example journeys and the journey JSON schema shipped inside the assembly.</summary>
public static class JourneyExamples
{
    private const string ExamplePrefix = "Nurture.Journeys.Examples.";
    private const string SchemaResource = "Nurture.Journeys.Schema.journey.schema.json";

    /// <summary>Names of the example journeys (file names without <c>.json</c>), sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(JourneyExamples).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ExamplePrefix, StringComparison.Ordinal))
        .Select(n => n[ExamplePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The JSON text of an example.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    public static string ReadJson(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return Read(ExamplePrefix + name + ".json");
    }

    /// <summary>An example, parsed.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    public static JourneyDefinition Load(string name) => JourneyJson.Parse(ReadJson(name));

    /// <summary>The JSON schema (draft 2020-12) of journey documents.</summary>
    public static string SchemaJson => Read(SchemaResource);

    private static string Read(string resource)
    {
        using var stream = typeof(JourneyExamples).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"No embedded journey resource '{resource}'.", nameof(resource));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

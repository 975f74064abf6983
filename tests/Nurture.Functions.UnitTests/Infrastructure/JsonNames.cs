using System.Text.Json;
using System.Text.RegularExpressions;

namespace Nurture.Functions.UnitTests.Infrastructure;

/// <summary>Checks of the API's one JSON casing.</summary>
public static partial class JsonNames
{
    /// <summary>Fails unless every property name in <paramref name="json"/> (outside <paramref name="dataMembers"/>, whose keys are data) is snake_case.</summary>
    public static void AssertSnakeCase(JsonElement json, params string[] dataMembers)
    {
        var bad = new List<string>();
        Collect(json, "$", dataMembers, bad);
        Assert.True(bad.Count == 0, $"Not snake_case: {string.Join(", ", bad)} in {json}");
    }

    private static void Collect(JsonElement json, string path, string[] dataMembers, List<string> bad)
    {
        if (json.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in json.EnumerateObject())
            {
                if (!SnakeCase().IsMatch(property.Name))
                {
                    bad.Add(path + "." + property.Name);
                }

                if (!dataMembers.Contains(property.Name))
                {
                    Collect(property.Value, path + "." + property.Name, dataMembers, bad);
                }
            }
        }
        else if (json.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in json.EnumerateArray())
            {
                Collect(item, $"{path}[{i++}]", dataMembers, bad);
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}

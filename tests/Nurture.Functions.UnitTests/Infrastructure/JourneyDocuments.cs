namespace Nurture.Functions.UnitTests.Infrastructure;

/// <summary>Journey documents for the design endpoints: an API-entered journey that tags the contact and exits.</summary>
public static class JourneyDocuments
{
    /// <summary>A new journey id of its own.</summary>
    public static string NewId(string prefix = "welcome") => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The document; <paramref name="next"/> other than <c>done</c> leaves a dangling edge (invalid).</summary>
    public static string Welcome(string id, string next = "done", string name = "Welcome", string tag = "welcomed") => $$"""
        {
          "id": "{{id}}", "name": "{{name}}", "version": 7,
          "entry": { "kind": "api" },
          "re_entry": { "mode": "never" },
          "start": "tag",
          "nodes": [
            { "type": "update_profile", "id": "tag", "add_tags": [ "{{tag}}" ], "next": "{{next}}" },
            { "type": "exit", "id": "done", "reason": "welcomed" }
          ]
        }
        """;
}

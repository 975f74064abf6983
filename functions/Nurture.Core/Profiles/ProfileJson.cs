using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nurture.Core.Profiles;

/// <summary>
/// Serialises profiles for storage. Sorted collections come back with ordinal comparers (System.Text.Json
/// would otherwise rebuild them with the culture-sensitive default, under which distinct ids can compare equal).
/// </summary>
public static class ProfileJson
{
    /// <summary>The options profiles are stored with.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(), new OrdinalSortedSetConverter(), new OrdinalSortedDictionaryConverterFactory() },
    };

    /// <summary>The profile as JSON.</summary>
    public static string Serialize(ContactProfile profile) => JsonSerializer.Serialize(profile, Options);

    /// <summary>A profile from its JSON.</summary>
    public static ContactProfile Deserialize(string json) =>
        JsonSerializer.Deserialize<ContactProfile>(json, Options) ?? throw new JsonException("A stored profile was the JSON literal null.");

    private sealed class OrdinalSortedSetConverter : JsonConverter<ImmutableSortedSet<string>>
    {
        public override ImmutableSortedSet<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableSortedSet.CreateRange(StringComparer.Ordinal, JsonSerializer.Deserialize<string[]>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, ImmutableSortedSet<string> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }

    private sealed class OrdinalSortedDictionaryConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableSortedDictionary<,>) && typeToConvert.GetGenericArguments()[0] == typeof(string);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(OrdinalSortedDictionaryConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[1]))!;
    }

    private sealed class OrdinalSortedDictionaryConverter<T> : JsonConverter<ImmutableSortedDictionary<string, T>>
    {
        public override ImmutableSortedDictionary<string, T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, JsonSerializer.Deserialize<Dictionary<string, T>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, ImmutableSortedDictionary<string, T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), options);
    }
}

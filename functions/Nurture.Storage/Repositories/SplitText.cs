using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Text longer than one string property allows (32 K UTF-16 characters) stored across numbered properties
/// (<c>Name</c>, <c>Name_1</c>, ...), so a large event or document is never truncated. The entity's 1 MiB
/// limit still applies and is checked before sending.
/// </summary>
public static class SplitText
{
    /// <summary>Characters per property, under the service's 64 KiB per string.</summary>
    public const int CharactersPerProperty = 30_000;

    /// <summary>Stores <paramref name="text"/> under <paramref name="name"/> and numbered follow-on properties.</summary>
    public static TableEntity WithSplitText(this TableEntity entity, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(text);
        var offset = 0;
        var part = 0;
        do
        {
            var length = Math.Min(CharactersPerProperty, text.Length - offset);

            // Never split a surrogate pair across two properties.
            if (offset + length < text.Length && char.IsHighSurrogate(text[offset + length - 1]))
            {
                length--;
            }

            entity[PartName(name, part++)] = text.Substring(offset, length);
            offset += length;
        }
        while (offset < text.Length);

        return entity;
    }

    /// <summary>Reads text stored with <see cref="WithSplitText"/>, or null when absent.</summary>
    public static string? GetSplitText(this TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        var sb = new StringBuilder(first);
        for (var part = 1; entity.GetString(PartName(name, part)) is { } next; part++)
        {
            sb.Append(next);
        }

        return sb.ToString();
    }

    private static string PartName(string name, int part) => part == 0 ? name : name + "_" + part.ToString(CultureInfo.InvariantCulture);
}

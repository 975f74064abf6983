using System.Text.RegularExpressions;

namespace Nurture.Channels.Sending;

/// <summary>Removes email addresses and phone numbers from provider reasons before they are stored or logged.</summary>
internal static partial class PersonalData
{
    /// <summary>The text with addresses and numbers replaced, cut to <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">A provider's reason.</param>
    /// <param name="maxLength">The longest result.</param>
    public static string Scrub(string text, int maxLength)
    {
        var scrubbed = Phone().Replace(Email().Replace(text, "[address]"), "[number]");
        return scrubbed.Length > maxLength ? scrubbed[..maxLength] : scrubbed;
    }

    [GeneratedRegex(@"[^\s<>""'(),;:]+@[^\s<>""'(),;:]+", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    // Seven or more digits with at most one separator between them: phone numbers, not SMTP codes such as 550 5.1.1.
    [GeneratedRegex(@"\+?\d(?:[\s().-]?\d){6,}", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}

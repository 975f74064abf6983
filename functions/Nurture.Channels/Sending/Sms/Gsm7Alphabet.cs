namespace Nurture.Channels.Sending.Sms;

/// <summary>The GSM 03.38 default alphabet and its extension table (characters sent as an escape plus one septet).</summary>
internal static class Gsm7Alphabet
{
    // Carriage return, line feed and the escape code itself are part of the basic table.
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly HashSet<char> BasicSet = [.. Basic];
    private static readonly HashSet<char> ExtensionSet = [.. Extension];

    /// <summary>Septets the character takes in GSM-7 (1 or 2), or 0 when GSM-7 cannot carry it.</summary>
    public static int Septets(char c) => BasicSet.Contains(c) ? 1 : ExtensionSet.Contains(c) ? 2 : 0;
}

using System.Buffers.Text;
using System.Text;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>
/// The <c>&lt;QueueMessage&gt;&lt;MessageText&gt;..</c> request body, written straight to UTF-8 bytes: base64 text is
/// encoded in place inside the body buffer, raw text is XML-escaped. The size limit is checked first.
/// </summary>
internal static class QueueMessageBody
{
    private static ReadOnlySpan<byte> Prefix => "<QueueMessage><MessageText>"u8;

    private static ReadOnlySpan<byte> Suffix => "</MessageText></QueueMessage>"u8;

    /// <summary>The body for <paramref name="text"/>; throws <see cref="MessageTooLargeException"/> over 64 KiB once encoded.</summary>
    public static byte[] Create(string queueName, string text, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.Base64)
        {
            var utf8Count = Encoding.UTF8.GetByteCount(text);
            var encodedLength = QueueWireText.Base64Length(utf8Count);
            if (encodedLength > QueueLimits.MaxMessageBytes)
            {
                throw new MessageTooLargeException(queueName, encodedLength);
            }

            var body = new byte[Prefix.Length + encodedLength + Suffix.Length];
            Prefix.CopyTo(body);
            var region = body.AsSpan(Prefix.Length, encodedLength);
            Encoding.UTF8.GetBytes(text, region);
            Base64.EncodeToUtf8InPlace(region, utf8Count, out _);
            Suffix.CopyTo(body.AsSpan(Prefix.Length + encodedLength));
            return body;
        }

        QueueWireText.CheckSize(queueName, text, encoding);
        QueueWireText.CheckXmlSafe(text, nameof(text));
        var escaped = Escape(text);
        var length = Encoding.UTF8.GetByteCount(escaped);
        var raw = new byte[Prefix.Length + length + Suffix.Length];
        Prefix.CopyTo(raw);
        Encoding.UTF8.GetBytes(escaped, raw.AsSpan(Prefix.Length, length));
        Suffix.CopyTo(raw.AsSpan(Prefix.Length + length));
        return raw;
    }

    /// <summary>
    /// Escapes the markup characters, and carriage returns as a character reference because an XML reader
    /// would otherwise turn CR LF into LF.
    /// </summary>
    internal static string Escape(string text)
    {
        var first = text.AsSpan().IndexOfAny("&<>\r");
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '\r' => sb.Append("&#xD;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}

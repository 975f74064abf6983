using System.Buffers;
using System.Text;

namespace Nurture.Storage.Queues;

/// <summary>
/// Message text as it travels and is stored: base64 of the UTF-8 bytes, or the text itself. Shared by the
/// REST client and the in-memory twin so both measure and decode alike.
/// </summary>
internal static class QueueWireText
{
    /// <summary>Bytes the text occupies on the service once encoded.</summary>
    public static int EncodedByteCount(string text, QueueMessageEncoding encoding)
    {
        var utf8 = Encoding.UTF8.GetByteCount(text);
        return encoding == QueueMessageEncoding.Base64 ? Base64Length(utf8) : utf8;
    }

    /// <summary>Length of the base64 form of <paramref name="byteCount"/> bytes.</summary>
    public static int Base64Length(int byteCount) => (int)Math.Min(int.MaxValue, ((byteCount + 2L) / 3) * 4);

    /// <summary>Throws <see cref="MessageTooLargeException"/> when the encoded text would exceed 64 KiB.</summary>
    public static int CheckSize(string queueName, string text, QueueMessageEncoding encoding)
    {
        var size = EncodedByteCount(text, encoding);
        if (size > QueueLimits.MaxMessageBytes)
        {
            throw new MessageTooLargeException(queueName, size);
        }

        return size;
    }

    /// <summary>
    /// Throws unless the text can travel inside an XML document: raw (unencoded) text must not hold control
    /// characters other than tab, line feed and carriage return, lone surrogates or U+FFFE/U+FFFF.
    /// </summary>
    public static void CheckXmlSafe(string text, string parameterName)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0020' ? c is not ('\t' or '\n' or '\r') : c is '\uFFFE' or '\uFFFF')
            {
                throw new ArgumentException($"Message text holds U+{(int)c:X4} at index {i}, which XML cannot carry; use base64 encoding.", parameterName);
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                throw new ArgumentException($"Message text holds a lone surrogate at index {i}.", parameterName);
            }
        }
    }

    /// <summary>The text as stored by the service.</summary>
    public static string ToWire(string text, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None)
        {
            CheckXmlSafe(text, nameof(text));
            return text;
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// The text a client reads back. In base64 mode, stored text that is not base64 (put there by a client
    /// that did not encode) is returned unchanged, so a consumer still gets the message and its pop receipt
    /// and can move it aside, rather than a receive that fails forever.
    /// </summary>
    public static string FromWire(string wire, QueueMessageEncoding encoding)
    {
        if (encoding == QueueMessageEncoding.None || wire.Length == 0)
        {
            return wire;
        }

        var maxBytes = (wire.Length / 4 * 3) + 3;
        var rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            return Convert.TryFromBase64String(wire, rented, out var written)
                ? Encoding.UTF8.GetString(rented, 0, written)
                : wire;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

using System.Globalization;
using System.Xml;

namespace Nurture.Storage.Rest;

/// <summary>
/// Reads the Queue service's XML answers straight from the response stream (a byte-order mark is fine) with a
/// forward-only reader: message lists and queue listings.
/// </summary>
internal static class QueueXmlReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // Whitespace is content here: a raw (unencoded) message of only spaces or line feeds must come back as sent.
        IgnoreWhitespace = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CloseInput = false,
    };

    /// <summary>Every <c>QueueMessage</c> of a <c>QueueMessagesList</c>.</summary>
    public static List<QueueXmlMessage> ReadMessages(Stream stream)
    {
        var messages = new List<QueueXmlMessage>();
        using var reader = XmlReader.Create(stream, Settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "QueueMessage")
            {
                messages.Add(ReadMessage(reader));
            }
        }

        return messages;
    }

    /// <summary>The queue names of one <c>EnumerationResults</c> page and its <c>NextMarker</c> (null on the last page).</summary>
    public static string? ReadQueueNames(Stream stream, List<string> names)
    {
        string? nextMarker = null;
        using var reader = XmlReader.Create(stream, Settings);
        reader.MoveToContent();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Name":
                    names.Add(reader.ReadElementContentAsString());
                    break;
                case "NextMarker":
                    var marker = reader.ReadElementContentAsString();
                    nextMarker = marker.Length == 0 ? null : marker;
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        return nextMarker;
    }

    /// <summary>An RFC 1123 date as the service writes it.</summary>
    public static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.ParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>An expiry date; the service's "never" (year 9999) becomes null.</summary>
    public static DateTimeOffset? ParseExpiry(string value)
    {
        var date = ParseDate(value);
        return date.Year >= 9999 ? null : date;
    }

    private static QueueXmlMessage ReadMessage(XmlReader reader)
    {
        var message = default(QueueXmlMessage);
        if (reader.IsEmptyElement)
        {
            return message;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var name = reader.LocalName;
            var value = reader.ReadElementContentAsString();
            switch (name)
            {
                case "MessageId":
                    message.MessageId = value;
                    break;
                case "PopReceipt":
                    message.PopReceipt = value;
                    break;
                case "MessageText":
                    message.Text = value;
                    break;
                case "DequeueCount":
                    message.DequeueCount = long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "InsertionTime":
                    message.InsertedOn = ParseDate(value);
                    break;
                case "ExpirationTime":
                    message.ExpiresOn = ParseExpiry(value);
                    break;
                case "TimeNextVisible":
                    message.NextVisibleOn = ParseDate(value);
                    break;
            }
        }

        return message;
    }
}

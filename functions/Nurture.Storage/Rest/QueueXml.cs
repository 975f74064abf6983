using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Nurture.Storage.Queues;

namespace Nurture.Storage.Rest;

/// <summary>The Queue service's XML: the put body, and message lists read from the response stream.</summary>
internal static class QueueXml
{
    public static byte[] MessageBody(string wireText)
    {
        using var buffer = new MemoryStream(wireText.Length + 64);
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            writer.WriteStartElement("QueueMessage");
            writer.WriteElementString("MessageText", wireText);
            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads every <c>QueueMessage</c> element into a name/value map (the service may send a byte-order mark).</summary>
    public static async Task<List<Dictionary<string, string>>> ReadMessagesAsync(Stream stream, CancellationToken cancellationToken)
    {
        var doc = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        return doc.Root?.Elements("QueueMessage")
            .Select(m => m.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.Ordinal))
            .ToList() ?? [];
    }

    /// <summary>Reads queue names from a List Queues reply, and its NextMarker.</summary>
    public static async Task<(List<string> Names, string? NextMarker)> ReadQueueListAsync(Stream stream, CancellationToken cancellationToken)
    {
        var doc = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        var names = doc.Root?.Element("Queues")?.Elements("Queue").Select(q => q.Element("Name")?.Value ?? string.Empty).ToList() ?? [];
        var next = doc.Root?.Element("NextMarker")?.Value;
        return (names, string.IsNullOrEmpty(next) ? null : next);
    }

    public static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.ParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? ParseExpiry(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var value = ParseDate(text);

        // "Never expires" comes back as the end of the calendar.
        return value.Year >= 9999 ? null : value;
    }

    public static QueueMessage ToMessage(Dictionary<string, string> m, Func<string, string> decode) => new(
        m["MessageId"],
        m["PopReceipt"],
        decode(m.GetValueOrDefault("MessageText", string.Empty)),
        long.Parse(m.GetValueOrDefault("DequeueCount", "0"), CultureInfo.InvariantCulture),
        ParseDate(m["InsertionTime"]),
        ParseExpiry(m.GetValueOrDefault("ExpirationTime")),
        ParseDate(m["TimeNextVisible"]));

    public static PeekedMessage ToPeeked(Dictionary<string, string> m, Func<string, string> decode) => new(
        m["MessageId"],
        decode(m.GetValueOrDefault("MessageText", string.Empty)),
        long.Parse(m.GetValueOrDefault("DequeueCount", "0"), CultureInfo.InvariantCulture),
        ParseDate(m["InsertionTime"]),
        ParseExpiry(m.GetValueOrDefault("ExpirationTime")));
}

using System.Xml.Linq;

namespace Nurture.Channels.Ingestion.Twilio;

/// <summary>Builds the TwiML an inbound-message webhook answers with.</summary>
public static class TwimlReply
{
    /// <summary>The content type of a TwiML answer.</summary>
    public const string ContentType = "application/xml";

    /// <summary>
    /// A <c>&lt;Response&gt;</c> that sends <paramref name="message"/> back, or an empty one (no reply) when it is
    /// null or empty. The text is XML-escaped.
    /// </summary>
    public static string Build(string? message)
    {
        var response = new XElement("Response");
        if (!string.IsNullOrEmpty(message))
        {
            response.Add(new XElement("Message", message));
        }

        return new XDocument(new XDeclaration("1.0", "UTF-8", null), response).Declaration + response.ToString(SaveOptions.DisableFormatting);
    }
}

namespace Nurture.Storage.Queues;

/// <summary>How message text travels on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>UTF-8 bytes, base64-encoded: what the Azure Functions queue trigger reads by default.</summary>
    Base64,

    /// <summary>The text as is (XML-escaped in the request).</summary>
    None,
}

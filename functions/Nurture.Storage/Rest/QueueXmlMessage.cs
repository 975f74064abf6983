namespace Nurture.Storage.Rest;

/// <summary>The fields of one <c>&lt;QueueMessage&gt;</c> element of a response; absent ones stay null.</summary>
internal struct QueueXmlMessage
{
    public string? MessageId;
    public string? PopReceipt;
    public string? Text;
    public long DequeueCount;
    public DateTimeOffset InsertedOn;
    public DateTimeOffset? ExpiresOn;
    public DateTimeOffset NextVisibleOn;
}

using Azure.Core;

namespace Nurture.Storage.Rest;

/// <summary>The OData headers every Table request carries.</summary>
internal static class TableHeaders
{
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";

    public static void AcceptJson(Request request)
    {
        request.Headers.SetValue("Accept", JsonMinimalMetadata);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
    }

    public static void JsonBody(Request request, ReadOnlyMemory<byte> body)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(body);
    }
}

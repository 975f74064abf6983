using Nurture.Storage.Connections;

namespace Nurture.Storage.Tests.Queues;

/// <summary>
/// Full Shared Key in its Blob/Queue form against fixed vectors: each expected string-to-sign was written by hand
/// from the documented rules, and each signature computed independently (Node's crypto HMAC-SHA256 with the
/// emulator key).
/// </summary>
public sealed class QueueSigningTests
{
    private const string Date = "Mon, 23 Nov 2026 07:30:00 GMT";
    private static readonly StorageSharedKey Emulator = new(StorageConnection.DevelopmentAccountName, StorageConnection.DevelopmentAccountKey);

    [Fact]
    public void QueueStringToSign_ForAnUpdate_SignsStandardHeadersSortedMsHeadersAndDecodedSortedQuery()
    {
        var uri = new Uri("http://127.0.0.1:10001/devstoreaccount1/orders-inbound/messages/5c7e6a0e-8f1b-4d7a-9a49-0a1b2c3d4e5f?visibilitytimeout=30&popreceipt=AgAAAAMAAAAAAAAA%2BxyZ%2Fw%3D%3D");
        var headers = new Dictionary<string, string>
        {
            ["x-ms-version"] = "2019-02-02",
            ["X-MS-Date"] = Date,
            ["Content-Type"] = "application/xml; charset=utf-8",
            ["x-ms-return-client-request-id"] = "true",
            ["Content-Length"] = "59",
            ["x-ms-client-request-id"] = " 0f8fad5b-d9cb-469f-a165-70867728950e ",
            ["Accept"] = "application/xml",
            ["Authorization"] = "SharedKey devstoreaccount1:from-an-earlier-attempt",
        };

        var toSign = SharedKeySigner.QueueStringToSign("PUT", uri, "devstoreaccount1", headers);

        const string expected =
            "PUT\n" +
            "\n" + // Content-Encoding
            "\n" + // Content-Language
            "59\n" + // Content-Length
            "\n" + // Content-MD5
            "application/xml; charset=utf-8\n" +
            "\n" + // Date (x-ms-date is used instead)
            "\n\n\n\n\n" + // If-Modified-Since, If-Match, If-None-Match, If-Unmodified-Since, Range
            "x-ms-client-request-id:0f8fad5b-d9cb-469f-a165-70867728950e\n" +
            "x-ms-date:" + Date + "\n" +
            "x-ms-return-client-request-id:true\n" +
            "x-ms-version:2019-02-02\n" +
            "/devstoreaccount1/devstoreaccount1/orders-inbound/messages/5c7e6a0e-8f1b-4d7a-9a49-0a1b2c3d4e5f\n" +
            "popreceipt:AgAAAAMAAAAAAAAA+xyZ/w==\n" +
            "visibilitytimeout:30";
        Assert.Equal(expected, toSign);
        Assert.Equal("5wbxPgUQaancU6EbzkSEAxQgjXj0wXvUXeUze7ubWVg=", SharedKeySigner.Sign(Emulator, toSign));
    }

    [Fact]
    public void QueueStringToSign_ForAListing_LeavesAZeroContentLengthEmptyAndKeepsEmptyParameters()
    {
        var uri = new Uri("https://myaccount.queue.core.windows.net/?comp=list&prefix=&marker=orders");
        var headers = new Dictionary<string, string>
        {
            ["x-ms-date"] = Date,
            ["x-ms-version"] = "2019-02-02",
            ["Content-Length"] = "0",
        };

        var toSign = SharedKeySigner.QueueStringToSign("GET", uri, "myaccount", headers);

        Assert.Equal("GET\n\n\n\n\n\n\n\n\n\n\n\nx-ms-date:" + Date + "\nx-ms-version:2019-02-02\n/myaccount/\ncomp:list\nmarker:orders\nprefix:", toSign);
        Assert.Equal("DKU/nCpveMN/ZBcE+NPnl/2vFROIecGX6dl0rcCSTyw=", SharedKeySigner.Sign(Emulator, toSign));
    }
}

using Nurture.Storage.Connections;

namespace Nurture.Storage.Tests.Connections;

/// <summary>
/// Shared Key Lite (tables) and Shared Key (queues) against fixed vectors: the string-to-sign follows the documented rules and the
/// signatures were computed independently (Node's crypto HMAC-SHA256 with the emulator key).
/// </summary>
public sealed class SharedKeySignerTests
{
    private const string Date = "Mon, 23 Nov 2026 07:30:00 GMT";
    private static readonly StorageSharedKey Emulator = new(StorageConnection.DevelopmentAccountName, StorageConnection.DevelopmentAccountKey);

    [Fact]
    public void TableStringToSign_ForPathStyleEmulatorUrl_NamesTheAccountTwice()
    {
        var toSign = SharedKeySigner.TableStringToSign(Date, "devstoreaccount1", new Uri("http://127.0.0.1:10002/devstoreaccount1/Tables"));

        Assert.Equal("Mon, 23 Nov 2026 07:30:00 GMT\n/devstoreaccount1/devstoreaccount1/Tables", toSign);
        Assert.Equal("sv/0bSEJFn4zm6M1cfR5j2Xvk4bac/NnLQtRKlauyhk=", SharedKeySigner.Sign(Emulator, toSign));
    }

    [Fact]
    public void TableStringToSign_SignsTheEscapedPathAndIgnoresODataQueryOptions()
    {
        var uri = new Uri("https://myaccount.table.core.windows.net/orders(PartitionKey=%27O%27%27Brien%27,RowKey=%271%27)?$select=A&NextPartitionKey=x");

        var toSign = SharedKeySigner.TableStringToSign(Date, "myaccount", uri);

        Assert.Equal("Mon, 23 Nov 2026 07:30:00 GMT\n/myaccount/orders(PartitionKey=%27O%27%27Brien%27,RowKey=%271%27)", toSign);
        Assert.Equal("AundCOvNVjad4WK21obRdrEQOCn3Ekn+DAxatD8fU90=", SharedKeySigner.Sign(Emulator, toSign));
    }

    [Fact]
    public void TableStringToSign_KeepsTheCompParameter()
    {
        var toSign = SharedKeySigner.TableStringToSign(Date, "myaccount", new Uri("https://myaccount.table.core.windows.net/mytable?comp=acl&timeout=5"));

        Assert.Equal("Mon, 23 Nov 2026 07:30:00 GMT\n/myaccount/mytable?comp=acl", toSign);
        Assert.Equal("RN2yABu3Ia36FYMe9QkIn0i6k6blqCeTu1nPoNkTZLw=", SharedKeySigner.Sign(Emulator, toSign));
    }

    [Fact]
    public void QueueStringToSign_ListsStandardHeadersThenSortedMsHeadersThenDecodedSortedQuery()
    {
        var uri = new Uri("http://127.0.0.1:10001/devstoreaccount1/orders-inbound/messages/7d2a?visibilitytimeout=30&popreceipt=AgAAAAMAAAAAAAAA%2B%2F%3D%3D");
        var headers = new Dictionary<string, string>
        {
            ["x-ms-version"] = "2019-02-02",
            ["x-ms-date"] = Date,
            ["X-MS-Client-Request-Id"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
            ["Content-Length"] = "0",
            ["Accept"] = "application/xml",
        };

        var toSign = SharedKeySigner.QueueStringToSign("PUT", uri, "devstoreaccount1", headers);

        Assert.Equal(
            "PUT\n\n\n\n\n\n\n\n\n\n\n\n" +
            "x-ms-client-request-id:0f8fad5b-d9cb-469f-a165-70867728950e\nx-ms-date:Mon, 23 Nov 2026 07:30:00 GMT\nx-ms-version:2019-02-02\n" +
            "/devstoreaccount1/devstoreaccount1/orders-inbound/messages/7d2a\npopreceipt:AgAAAAMAAAAAAAAA+/==\nvisibilitytimeout:30",
            toSign);
        Assert.Equal("Ul+DEtqglTPusZHzZNNeImRDZWSd/9hplrH7K8MWmpo=", SharedKeySigner.Sign(Emulator, toSign));
    }

    [Fact]
    public void QueueStringToSign_KeepsContentLengthAndTypeWhenThereIsABody()
    {
        var uri = new Uri("http://127.0.0.1:10001/myaccount/events-inbound/messages?visibilitytimeout=60&messagettl=-1");
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/xml",
            ["Content-Length"] = "123",
            ["x-ms-date"] = Date,
            ["x-ms-version"] = "2019-02-02",
        };

        var toSign = SharedKeySigner.QueueStringToSign("POST", uri, "myaccount", headers);

        Assert.Equal(
            "POST\n\n\n123\n\napplication/xml\n\n\n\n\n\n\n" +
            "x-ms-date:Mon, 23 Nov 2026 07:30:00 GMT\nx-ms-version:2019-02-02\n" +
            "/myaccount/myaccount/events-inbound/messages\nmessagettl:-1\nvisibilitytimeout:60",
            toSign);
        Assert.Equal("Es7YhEyIfFtGDbX6Y6iQ4UDhE2voZTlpZuwzN4lMM9s=", SharedKeySigner.Sign(Emulator, toSign));
    }

    [Fact]
    public void SharedKey_RejectsAKeyThatIsNotBase64()
    {
        Assert.Throws<FormatException>(() => new StorageSharedKey("acct", "not base64!"));
    }
}

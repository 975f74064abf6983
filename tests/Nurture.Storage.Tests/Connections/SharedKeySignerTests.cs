using Nurture.Storage.Connections;

namespace Nurture.Storage.Tests.Connections;

/// <summary>
/// Shared Key Lite (tables) against fixed vectors (queue vectors: QueueSigningTests): the string-to-sign follows the documented rules and the
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
    public void SharedKey_RejectsAKeyThatIsNotBase64()
    {
        Assert.Throws<FormatException>(() => new StorageSharedKey("acct", "not base64!"));
    }
}

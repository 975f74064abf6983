using Azure.Core;

namespace Nurture.Storage.Connections;

/// <summary>
/// Where a storage account's Table and Queue services are and how to authenticate to them: Shared Key
/// from a connection string, or a Microsoft Entra token credential for identity-based connections.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The emulator's well-known account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The emulator's well-known, public account key.</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The Entra scope for storage data-plane tokens.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    /// <summary>A connection authenticated with Shared Key.</summary>
    public StorageConnection(Uri tableEndpoint, Uri queueEndpoint, StorageSharedKey sharedKey)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(sharedKey);
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        SharedKey = sharedKey;
        AccountName = sharedKey.AccountName;
    }

    /// <summary>A connection authenticated with Entra tokens for <see cref="StorageScope"/>.</summary>
    public StorageConnection(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        TableEndpoint = tableEndpoint;
        QueueEndpoint = queueEndpoint;
        TokenCredential = credential;
        AccountName = AccountFromEndpoint(tableEndpoint);
    }

    /// <summary>The Table service endpoint (path-style emulator endpoints include the account).</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The Queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The account name.</summary>
    public string AccountName { get; }

    /// <summary>Shared Key credential, when the connection uses one.</summary>
    public StorageSharedKey? SharedKey { get; }

    /// <summary>Token credential, when the connection is identity-based.</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary>The emulator on its default ports (what <c>UseDevelopmentStorage=true</c> means).</summary>
    public static StorageConnection Development(string host = "127.0.0.1", int queuePort = 10001, int tablePort = 10002) =>
        new(
            new Uri($"http://{host}:{tablePort}/{DevelopmentAccountName}"),
            new Uri($"http://{host}:{queuePort}/{DevelopmentAccountName}"),
            new StorageSharedKey(DevelopmentAccountName, DevelopmentAccountKey));

    /// <summary>Parses a storage connection string.</summary>
    public static StorageConnection Parse(string connectionString) => ConnectionStringParser.Parse(connectionString);

    private static string AccountFromEndpoint(Uri endpoint)
    {
        // Path-style (emulator, custom domains): http://host:port/account; otherwise account.table.core.windows.net.
        var path = endpoint.AbsolutePath.Trim('/');
        return path.Length > 0 ? path.Split('/')[0] : endpoint.Host.Split('.')[0];
    }
}

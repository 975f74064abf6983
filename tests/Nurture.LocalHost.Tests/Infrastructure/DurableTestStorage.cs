using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.LocalHost.Tests.Infrastructure;

/// <summary>
/// The storage account the Durable tests run on: the Storage tests' Azurite (started once per test process), with
/// its blob endpoint added, since DTFx keeps leases and large messages in blobs.
/// </summary>
public static class DurableTestStorage
{
    private const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>A connection string with blob, queue and table endpoints.</summary>
    public static string ConnectionString
    {
        get
        {
            var connectionString = StorageTestEnvironment.ConnectionString;
            return StorageTestEnvironment.Azurite is { } azurite && !connectionString.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase)
                ? $"{connectionString.TrimEnd(';')};BlobEndpoint=http://127.0.0.1:{azurite.BlobPort}/{DevelopmentAccountName};"
                : connectionString;
        }
    }

    /// <summary>A task hub name no other test uses: letters and digits, starting with a letter.</summary>
    public static string NewHubName(string prefix = "lh") => (prefix + Guid.NewGuid().ToString("N"))[..Math.Min(45, prefix.Length + 16)];
}

using Azure.Core;
using DurableTask.AzureStorage;

namespace Nurture.LocalHost.Durable;

/// <summary>
/// The storage account holding the task hub: a connection string (<c>UseDevelopmentStorage=true</c> locally) or
/// identity-based access with a <see cref="TokenCredential"/>, as the Functions <c>AzureWebJobsStorage</c> conventions allow.
/// </summary>
public sealed class DurableStorageAccount
{
    private readonly Func<StorageAccountClientProvider> _createProvider;

    private DurableStorageAccount(string description, Func<StorageAccountClientProvider> createProvider)
    {
        Description = description;
        _createProvider = createProvider;
    }

    /// <summary>What the account is, without secrets (for logs and errors).</summary>
    public string Description { get; }

    /// <summary>An account reached through a connection string; it needs blob, queue and table endpoints.</summary>
    public static DurableStorageAccount FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new DurableStorageAccount("connection string", () => new StorageAccountClientProvider(connectionString));
    }

    /// <summary>An account reached by name (<c>https://{name}.blob|queue|table.core.windows.net</c>) with a token credential.</summary>
    public static DurableStorageAccount FromAccountName(string accountName, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new DurableStorageAccount($"account {accountName} (identity)", () => new StorageAccountClientProvider(accountName, credential));
    }

    /// <summary>An account reached through explicit service URIs with a token credential.</summary>
    public static DurableStorageAccount FromServiceUris(Uri blobServiceUri, Uri queueServiceUri, Uri tableServiceUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobServiceUri);
        ArgumentNullException.ThrowIfNull(queueServiceUri);
        ArgumentNullException.ThrowIfNull(tableServiceUri);
        ArgumentNullException.ThrowIfNull(credential);
        return new DurableStorageAccount(
            $"account at {queueServiceUri.Host} (identity)",
            () => new StorageAccountClientProvider(blobServiceUri, queueServiceUri, tableServiceUri, credential));
    }

    /// <summary>A new DTFx client provider for this account.</summary>
    internal StorageAccountClientProvider CreateClientProvider() => _createProvider();
}

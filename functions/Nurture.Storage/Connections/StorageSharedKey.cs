namespace Nurture.Storage.Connections;

/// <summary>An account name and its access key, for Shared Key signing.</summary>
public sealed class StorageSharedKey
{
    /// <summary>Creates the credential; the key is the base64 text shown in the portal.</summary>
    public StorageSharedKey(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        AccountName = accountName;
        try
        {
            KeyBytes = Convert.FromBase64String(accountKey);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"The account key for '{accountName}' is not valid base64.", ex);
        }
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>The decoded key.</summary>
    internal byte[] KeyBytes { get; }
}

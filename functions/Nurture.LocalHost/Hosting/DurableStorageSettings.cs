using Microsoft.Extensions.Configuration;
using Nurture.LocalHost.Durable;
using Nurture.Storage.Connections;

namespace Nurture.LocalHost.Hosting;

/// <summary>
/// The task hub's storage account from the <c>AzureWebJobsStorage</c> setting, by the same conventions as the
/// Functions host: a connection string, or identity-based <c>__accountName</c> or <c>__blobServiceUri</c> +
/// <c>__queueServiceUri</c> + <c>__tableServiceUri</c>, with <c>__credential=managedidentity</c> and <c>__clientId</c>.
/// </summary>
internal static class DurableStorageSettings
{
    /// <summary>The account, or an error naming the setting to fix.</summary>
    public static DurableStorageAccount Resolve(IConfiguration configuration, string name = StorageConnectionSettings.DefaultConnectionName)
    {
        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return DurableStorageAccount.FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(name);
        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return DurableStorageAccount.FromAccountName(accountName, StorageConnectionSettings.CreateCredential(name, section));
        }

        if (Uri(section, "blobServiceUri") is { } blob && Uri(section, "queueServiceUri") is { } queue && Uri(section, "tableServiceUri") is { } table)
        {
            return DurableStorageAccount.FromServiceUris(blob, queue, table, StorageConnectionSettings.CreateCredential(name, section));
        }

        throw new InvalidOperationException(
            $"The Durable task hub's storage '{name}' is not configured: set '{name}' to a connection string, or '{name}__accountName' " +
            $"(or '{name}__blobServiceUri', '{name}__queueServiceUri' and '{name}__tableServiceUri') for an identity-based connection.");
    }

    private static Uri? Uri(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text
            ? System.Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new InvalidOperationException($"Setting '{section.Path.Replace(":", "__", StringComparison.Ordinal)}__{key}' ('{text}') is not an absolute URI.")
            : null;
}

using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace Nurture.Storage.Connections;

/// <summary>
/// Resolves a named connection the way Azure Functions does: a connection string in
/// <c>&lt;name&gt;</c> (or <c>ConnectionStrings:&lt;name&gt;</c>), or an identity-based connection in
/// <c>&lt;name&gt;__accountName</c> / <c>__tableServiceUri</c> / <c>__queueServiceUri</c> with optional
/// <c>__credential=managedidentity</c> and <c>__clientId</c>.
/// </summary>
public static class StorageConnectionFactory
{
    /// <summary>The connection the Functions host itself uses.</summary>
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    /// <summary>Builds the connection named <paramref name="name"/> from configuration.</summary>
    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = DefaultConnectionName, TokenCredential? credential = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return StorageConnection.Parse(connectionString);
        }

        // Environment variables use "__"; IConfiguration turns it into ":".
        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"];
        var queueUri = section["queueServiceUri"];
        if (accountName is null && (tableUri is null || queueUri is null))
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set '{name}' to a connection string, or '{name}__accountName' " +
                $"(or both '{name}__tableServiceUri' and '{name}__queueServiceUri') for an identity-based connection.");
        }

        var table = tableUri is not null ? new Uri(tableUri) : new Uri($"https://{accountName}.table.core.windows.net");
        var queue = queueUri is not null ? new Uri(queueUri) : new Uri($"https://{accountName}.queue.core.windows.net");
        return new StorageConnection(table, queue, credential ?? CreateCredential(section));
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var kind = section["credential"];
        var clientId = section["clientId"];
        if (string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return clientId is null
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        if (kind is not null)
        {
            throw new InvalidOperationException($"'{section.Path}__credential' is '{kind}'; the only value supported is 'managedidentity'.");
        }

        var options = new DefaultAzureCredentialOptions();
        if (clientId is not null)
        {
            options.ManagedIdentityClientId = clientId;
        }

        return new DefaultAzureCredential(options);
    }
}

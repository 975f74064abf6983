using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Nurture.Storage.Connections;

/// <summary>
/// Resolves a named storage connection the way Azure Functions does: a connection string in <c>&lt;name&gt;</c> (or
/// <c>ConnectionStrings:&lt;name&gt;</c>), or an identity-based connection in <c>&lt;name&gt;__accountName</c> /
/// <c>__tableServiceUri</c> / <c>__queueServiceUri</c> with optional <c>__credential=managedidentity</c> and
/// <c>__clientId</c>. A missing or malformed setting fails with a message that names it.
/// </summary>
public static class StorageConnectionSettings
{
    /// <summary>The connection the Functions host itself uses.</summary>
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    /// <summary>The clients for the connection named <paramref name="name"/>.</summary>
    /// <param name="configuration">The app's configuration.</param>
    /// <param name="name">The connection's setting name.</param>
    /// <param name="credential">The credential for an identity-based connection; by default the one its settings describe.</param>
    /// <param name="movedToPoison">Called when a received message that is not base64 was moved to poison (queue, message id).</param>
    public static StorageAccount Resolve(IConfiguration configuration, string name = DefaultConnectionName, TokenCredential? credential = null, Action<string, string>? movedToPoison = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(name, connectionString, movedToPoison);
        }

        // Environment variables use "__"; configuration turns it into ":".
        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        var tableUri = section["tableServiceUri"];
        var queueUri = section["queueServiceUri"];
        if (string.IsNullOrWhiteSpace(accountName) && (tableUri is null || queueUri is null))
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set '{name}' to a connection string, or '{name}__accountName' " +
                $"(or both '{name}__tableServiceUri' and '{name}__queueServiceUri') for an identity-based connection.");
        }

        var table = ServiceUri(name, "tableServiceUri", tableUri, accountName, "table");
        var queue = ServiceUri(name, "queueServiceUri", queueUri, accountName, "queue");
        var token = credential ?? CreateCredential(name, section);
        return new StorageAccount(
            new TableServiceClient(table, token, StorageClientDefaults.TableOptions()),
            new QueueServiceClient(queue, token, StorageClientDefaults.QueueOptions(movedToPoison)));
    }

    private static StorageAccount FromConnectionString(string name, string connectionString, Action<string, string>? movedToPoison)
    {
        try
        {
            return StorageAccount.FromConnectionString(connectionString, movedToPoison);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The SDK's message may quote the string, key included: name the setting and the problem only.
            throw new InvalidOperationException(
                $"Setting '{name}' is not a storage connection string the Table and Queue clients accept ({e.GetType().Name}). " +
                "Use 'UseDevelopmentStorage=true', 'DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...', or one with explicit TableEndpoint and QueueEndpoint.");
        }
    }

    private static Uri ServiceUri(string name, string key, string? explicitUri, string? accountName, string service)
    {
        var text = explicitUri ?? $"https://{accountName}.{service}.core.windows.net";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException(
                explicitUri is null
                    ? $"Setting '{name}__accountName' ('{accountName}') does not make a valid {service} endpoint."
                    : $"Setting '{name}__{key}' ('{explicitUri}') is not an absolute http(s) URI.");
        }

        return uri;
    }

    /// <summary>
    /// The credential an identity-based connection names: <c>{name}__credential=managedidentity</c> (with
    /// <c>{name}__clientId</c> for a user-assigned identity), else <see cref="DefaultAzureCredential"/>; the Functions
    /// host's rules, shared with the local host's Durable connection.
    /// </summary>
    /// <param name="name">The connection's setting name, for messages.</param>
    /// <param name="section">The connection's configuration section.</param>
    public static TokenCredential CreateCredential(string name, IConfigurationSection section)
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
            throw new InvalidOperationException($"Setting '{name}__credential' is '{kind}'; the only value supported is 'managedidentity'.");
        }

        var options = new DefaultAzureCredentialOptions();
        if (clientId is not null)
        {
            options.ManagedIdentityClientId = clientId;
        }

        return new DefaultAzureCredential(options);
    }
}

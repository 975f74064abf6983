namespace Nurture.Storage.Connections;

/// <summary>Reads Azure Storage connection strings into a <see cref="StorageConnection"/>.</summary>
internal static class ConnectionStringParser
{
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Connection string part '{Mask(part)}' is not a Name=Value pair.");
            }

            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p).Host : "127.0.0.1";
            return StorageConnection.Development(proxy);
        }

        if (!settings.TryGetValue("AccountName", out var account) || !settings.TryGetValue("AccountKey", out var key))
        {
            throw new FormatException(
                "The storage connection string needs AccountName and AccountKey (or UseDevelopmentStorage=true); " +
                "for an identity-based connection set <name>__accountName or <name>__tableServiceUri/__queueServiceUri instead.");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        var table = settings.TryGetValue("TableEndpoint", out var t) ? new Uri(t) : new Uri($"{protocol}://{account}.table.{suffix}");
        var queue = settings.TryGetValue("QueueEndpoint", out var q) ? new Uri(q) : new Uri($"{protocol}://{account}.queue.{suffix}");
        return new StorageConnection(table, queue, new StorageSharedKey(account, key));
    }

    private static string Mask(string part) => part.Length <= 12 ? part : part[..12] + "…";
}

using Nurture.Storage.Connections;

namespace Nurture.Storage.Tests.Infrastructure;

/// <summary>
/// The storage account tests run against: the one named by <see cref="ConnectionVariable"/> when set
/// (an Azurite already running, or a real account), otherwise one Azurite per test process, started on
/// first use and stopped when the process exits.
/// </summary>
public static class StorageTestEnvironment
{
    /// <summary>Environment variable holding a connection string to test against instead of a private Azurite.</summary>
    public const string ConnectionVariable = "NURTURE_TEST_STORAGE";

    private static readonly Lazy<string> LazyConnectionString = new(StartOrConfigured, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<StorageAccount> LazyAccount = new(() => StorageAccount.FromConnectionString(ConnectionString));
    private static AzuriteProcess? _azurite;

    /// <summary>Connection string of the account under test (starts Azurite on first call if needed).</summary>
    public static string ConnectionString => LazyConnectionString.Value;

    /// <summary>Clients for the account under test (created once: the SDK clients are shared and thread-safe).</summary>
    public static StorageAccount Account => LazyAccount.Value;

    /// <summary>The Azurite this process started, if it started one.</summary>
    public static AzuriteProcess? Azurite => _azurite;

    private static string StartOrConfigured()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        _azurite = AzuriteProcess.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _azurite.Dispose();
        return _azurite.ConnectionString;
    }
}

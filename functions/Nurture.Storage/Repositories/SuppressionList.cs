using System.Text;
using Azure.Data.Tables;
using Nurture.Core.Profiles;
using Nurture.Storage.Tables;

namespace Nurture.Storage.Repositories;

/// <summary>
/// Addresses that must never be messaged again, kept only as salted SHA-256 hashes so an erased contact leaves
/// no readable trace while a later event with the same address is still recognised.
/// </summary>
public sealed class SuppressionList
{
    /// <summary>The suppression table.</summary>
    public const string TableName = "NurtureSuppression";

    private readonly TableClient _table;
    private readonly byte[] _salt;

    /// <summary>Creates the list; <paramref name="salt"/> is a secret setting that must not change once used.</summary>
    public SuppressionList(TableServiceClient tables, string salt)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentException.ThrowIfNullOrEmpty(salt);
        _table = tables.GetTableClient(TableName);
        _salt = Encoding.UTF8.GetBytes(salt);
    }

    /// <summary>Creates the table if needed.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Suppresses a normalised address (email or E.164 phone) with the reason (no personal data).</summary>
    public Task AddAsync(IdentityKind kind, string normalizedValue, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        _table.UpsertAsync(new TableEntity(Hash(kind, normalizedValue), string.Empty) { { "Reason", reason }, { "At", at } }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>True when the address is suppressed.</summary>
    public async Task<bool> ContainsAsync(IdentityKind kind, string normalizedValue, CancellationToken cancellationToken = default) =>
        await _table.FindAsync(Hash(kind, normalizedValue), string.Empty, ["Reason"], cancellationToken).ConfigureAwait(false) is not null;

    private string Hash(IdentityKind kind, string normalizedValue) => kind switch
    {
        IdentityKind.Email => SuppressionHash.ForEmail(_salt, normalizedValue),
        IdentityKind.Phone => SuppressionHash.ForPhone(_salt, normalizedValue),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only email addresses and phone numbers are suppressed."),
    };
}

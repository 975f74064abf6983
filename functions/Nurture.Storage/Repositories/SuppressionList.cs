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

    /// <summary>
    /// Suppresses a normalised address (email or E.164 phone) as of <paramref name="at"/>, with the reason (no personal
    /// data); an entry already there with a later time is kept, so the list holds each address's latest suppression.
    /// </summary>
    public async Task AddAsync(IdentityKind kind, string normalizedValue, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        // Under ETag concurrency, so of two concurrent suppressions of one address the later time is the one kept.
        await OptimisticUpdate.UpdateAsync(
            _table,
            Hash(kind, normalizedValue),
            string.Empty,
            current => current?.GetDateTimeOffset("At") is { } recorded && recorded >= at
                ? null
                : new TableEntity(Hash(kind, normalizedValue), string.Empty) { { "Reason", reason }, { "At", at } },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the address is suppressed.</summary>
    public async Task<bool> ContainsAsync(IdentityKind kind, string normalizedValue, CancellationToken cancellationToken = default) =>
        await FindAsync(kind, normalizedValue, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The address's latest suppression (its reason and time), or null when it was never suppressed.</summary>
    public async Task<SuppressionEntry?> FindAsync(IdentityKind kind, string normalizedValue, CancellationToken cancellationToken = default)
    {
        var row = await _table.FindAsync(Hash(kind, normalizedValue), string.Empty, ["Reason", "At"], cancellationToken).ConfigureAwait(false);
        return row is null ? null : new SuppressionEntry(row.GetString("Reason") ?? string.Empty, row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue);
    }

    /// <summary>The suppressions the list holds for an email address and a phone number (either may be null), as marks for a profile.</summary>
    public async Task<IReadOnlyList<SuppressionMark>> MarksForAsync(string? normalizedEmail, string? e164Phone, CancellationToken cancellationToken = default)
    {
        var email = normalizedEmail is null ? Task.FromResult<SuppressionEntry?>(null) : FindAsync(IdentityKind.Email, normalizedEmail, cancellationToken);
        var phone = e164Phone is null ? Task.FromResult<SuppressionEntry?>(null) : FindAsync(IdentityKind.Phone, e164Phone, cancellationToken);
        var marks = new List<SuppressionMark>(2);
        if (await email.ConfigureAwait(false) is { } e)
        {
            marks.Add(new SuppressionMark("email", ReasonOf(e.Reason), e.At));
        }

        if (await phone.ConfigureAwait(false) is { } p)
        {
            marks.Add(new SuppressionMark("sms", ReasonOf(p.Reason), p.At));
        }

        return marks;
    }

    /// <summary>
    /// Writes what a profile update suppressed into the list, for every address of the channel the profile holds, so
    /// the suppression outlives the profile (an erasure, a merge) and reaches a contact re-created from the address.
    /// </summary>
    /// <param name="before">The profile before the update (null for a new one).</param>
    /// <param name="after">The profile after it.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task RecordAsync(ContactProfile? before, ContactProfile after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (after.EmailSuppression is { SuppressedAt: { } emailAt, Reason: { } emailReason } && emailAt != before?.EmailSuppression.SuppressedAt)
        {
            foreach (var email in after.Emails)
            {
                await AddAsync(IdentityKind.Email, email, emailReason.ToString(), emailAt, cancellationToken).ConfigureAwait(false);
            }
        }

        if (after.SmsSuppression is { SuppressedAt: { } smsAt, Reason: { } smsReason } && smsAt != before?.SmsSuppression.SuppressedAt)
        {
            foreach (var phone in after.Phones)
            {
                await AddAsync(IdentityKind.Phone, phone, smsReason.ToString(), smsAt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Erasure records its source (api:erasure, shopify:customers/redact); everything else records the reason's name.
    private static SuppressionReason ReasonOf(string reason) =>
        Enum.TryParse<SuppressionReason>(reason, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : SuppressionReason.Erased;

    private string Hash(IdentityKind kind, string normalizedValue) => kind switch
    {
        IdentityKind.Email => SuppressionHash.ForEmail(_salt, normalizedValue),
        IdentityKind.Phone => SuppressionHash.ForPhone(_salt, normalizedValue),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only email addresses and phone numbers are suppressed."),
    };
}

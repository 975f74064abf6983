using System.Text.Json;
using Microsoft.Extensions.Options;
using Nurture.Core.Journeys.Runtime.Commands;
using Nurture.Core.Profiles;
using Nurture.Functions.Hosting;
using Nurture.Functions.Ingestion;
using Nurture.Storage;
using Nurture.Storage.Connections;
using Nurture.Storage.Journeys;
using Nurture.Storage.Repositories;

namespace Nurture.Functions.Journeys;

/// <summary>
/// Journeys' contacts from the stored profiles (what ingestion keeps current): the journey view through
/// <see cref="ProfileProjection"/>, the first known address per channel, and profile updates as computed tags and
/// attributes set by the journey.
/// </summary>
/// <remarks>
/// Every read checks the suppression list for the addresses a send would use, so a suppression recorded anywhere
/// (an erasure of another contact that held the address, a bounce seen on a merged-away contact) holds at the send
/// even before ingestion has put it on this profile.
/// </remarks>
public sealed class ProfileContactSource : IJourneyContactSource
{
    /// <summary>The source recorded on attributes a journey sets.</summary>
    public const string AttributeSource = "journey";

    private readonly ProfileStore _profiles;
    private readonly SuppressionList _suppression;
    private readonly IOptions<ProfileOptions> _options;
    private readonly TimeProvider _clock;
    private readonly InitializeOnce _initialization = new();

    /// <summary>Creates the source.</summary>
    public ProfileContactSource(IStorageAccounts accounts, IOptions<ProfileOptions> options, IOptions<IngestionOptions> ingestion, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ingestion);
        ArgumentNullException.ThrowIfNull(clock);
        var tables = accounts.GetTableService(StorageConnectionSettings.DefaultConnectionName);
        _profiles = new ProfileStore(tables);
        _suppression = new SuppressionList(tables, ingestion.Value.SuppressionSalt);
        _options = options;
        _clock = clock;
    }

    /// <inheritdoc />
    public async Task<JourneyRecipient?> GetAsync(string contactId, CancellationToken cancellationToken = default)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var profile = await _profiles.GetAsync(contactId, cancellationToken).ConfigureAwait(false);
        if (profile is null)
        {
            return null;
        }

        var email = profile.Emails.FirstOrDefault();
        var phone = profile.Phones.FirstOrDefault();
        profile = ProfileReducer.Suppress(profile, await _suppression.MarksForAsync(email, phone, cancellationToken).ConfigureAwait(false));
        var contact = ProfileProjection.ToJourneyContact(profile, _clock.GetUtcNow(), _options.Value);
        return new JourneyRecipient(contact, email, phone, profile.Attribute(ProfileAttributes.FirstName));
    }

    /// <inheritdoc />
    public async Task ApplyAsync(UpdateProfile update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        await _profiles.UpdateAsync(update.ContactId, profile =>
        {
            var tags = profile.Tags;
            foreach (var tag in update.AddTags.Where(t => !profile.Tags.ContainsKey(t)))
            {
                tags = tags.SetItem(tag, new ProfileTag(tag, TagSource.Computed, now));
            }

            tags = tags.RemoveRange(update.RemoveTags);
            var attributes = profile.Attributes;
            foreach (var (name, value) in update.SetAttributes)
            {
                var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                if (profile.Attribute(name) != text)
                {
                    attributes = attributes.SetItem(name, new StampedValue(text, now, AttributeSource));
                }
            }

            // Unchanged means the same instance back, so a repeated update writes nothing.
            return tags == profile.Tags && attributes == profile.Attributes ? profile : profile with { Tags = tags, Attributes = attributes };
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await _initialization.RunAsync(
            async ct =>
            {
                await _profiles.InitializeAsync(ct).ConfigureAwait(false);
                await _suppression.InitializeAsync(ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}

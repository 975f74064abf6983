using System.Text.Json;
using Nurture.Channels.Sending;
using Nurture.Core.Events;
using Nurture.Core.Journeys.Contacts;
using Nurture.Core.Journeys.Model;
using Nurture.Core.Profiles;
using Nurture.Functions.Ingestion;

namespace Nurture.Functions.Delivery;

/// <summary>
/// Applies what a provider or the contact said about a recipient to the stored profile: consent turned off (Twilio
/// 21610, one-click unsubscribe), or an address or number marked unusable (Twilio 21211/21614, a SendGrid rejection).
/// </summary>
/// <remarks>
/// A consent change goes through the profile reducer as a <c>consent.changed</c> event with its source and time, and
/// onto the contact's timeline, only while consent is not already off; its event id is derived from what caused it
/// and the consent it ends, so the same cause again (or concurrently) changes nothing and writes one timeline row,
/// while the same link clicked after a fresh opt-in turns consent off again. The profile is written first: a crash between the two
/// keeps the consent change and loses only its timeline row.
/// </remarks>
public sealed class RecipientEffects(IngestionStorage storage, ProfileOptions profileOptions)
{
    /// <summary>Tag on a profile whose phone number cannot take SMS: journeys treat SMS as suppressed.</summary>
    public const string PhoneUnusableTag = ProfileReducer.PhoneUnusableTag;

    /// <summary>Applies a provider's refusal of one send.</summary>
    /// <param name="contactId">The recipient.</param>
    /// <param name="messageId">The send it refused (makes the change idempotent).</param>
    /// <param name="failure">The refusal.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task ApplyAsync(string contactId, string messageId, ChannelSendResult failure, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return ApplyAsync(contactId, failure.Recipient, failure.ErrorCode, "send:" + messageId, at, cancellationToken);
    }

    /// <summary>Applies what a provider said about the recipient's address or consent.</summary>
    /// <param name="contactId">The recipient.</param>
    /// <param name="impact">What it said.</param>
    /// <param name="errorCode">The provider's code, recorded as the consent source (<c>twilio:21610</c>).</param>
    /// <param name="cause">A stable key of what said it: the same cause applies once.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    public Task ApplyAsync(string contactId, RecipientImpact impact, string? errorCode, string cause, DateTimeOffset at, CancellationToken cancellationToken) => impact switch
    {
        RecipientImpact.SmsConsentWithdrawn => WithdrawConsentAsync(contactId, MessageChannel.Sms, "twilio:" + errorCode, cause, at, cancellationToken),
        RecipientImpact.PhoneUnusable => TagAsync(contactId, PhoneUnusableTag, at, cancellationToken),
        RecipientImpact.EmailUnusable => TagAsync(contactId, ProfileReducer.EmailBouncedTag, at, cancellationToken, SuppressionReason.HardBounce),
        _ => Task.CompletedTask,
    };

    /// <summary>Turns consent for <paramref name="channel"/> off, recording <paramref name="source"/> and <paramref name="at"/>.</summary>
    /// <param name="contactId">The contact.</param>
    /// <param name="channel">Email or SMS.</param>
    /// <param name="source">Who said so (<c>unsubscribe:one-click</c>, <c>twilio:21610</c>).</param>
    /// <param name="cause">A stable key of what caused it: the same cause applies once.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>True when the profile exists.</returns>
    public async Task<bool> WithdrawConsentAsync(string contactId, MessageChannel channel, string source, string cause, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(contactId);
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        if (await storage.Profiles.GetAsync(contactId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var properties = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            [EventProperties.Channel] = channel == MessageChannel.Email ? "email" : "sms",
            [EventProperties.ConsentStatus] = "unsubscribed",
            [EventProperties.ConsentSource] = source,
        });
        CanonicalEvent? applied = null;
        ContactProfile? before = null;
        var after = await storage.Profiles.UpdateAsync(contactId, profile =>
        {
            // Run again on a concurrent write: the last run says whether this call is the one that turned it off.
            applied = null;
            before = profile;
            var current = channel == MessageChannel.Email ? profile.EmailConsent : profile.SmsConsent;
            if (current.Status == ConsentStatus.Denied)
            {
                return profile;
            }

            // Keyed by the cause and the consent it ends: the same click twice is one change, a click after a
            // fresh opt-in is a new one.
            var key = cause + "|" + channel + "|" + current.At?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var eventId = "consent:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..32].ToLowerInvariant();
            applied = new CanonicalEvent(eventId, EventTypes.ConsentChanged, EventSource.Nurture, eventId, at, new ContactIdentity(contactId), properties);
            return ProfileReducer.Apply(profile, applied, profileOptions);
        }, cancellationToken).ConfigureAwait(false);
        // The withdrawal suppresses the channel's addresses, beyond this profile (an erasure, a re-created contact).
        await storage.Suppression.RecordAsync(before, after, cancellationToken).ConfigureAwait(false);
        if (applied is not null)
        {
            // One timeline row however often (or concurrently) the same cause arrives.
            await storage.Events.AppendAsync(contactId, applied, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task TagAsync(string contactId, string tag, DateTimeOffset at, CancellationToken cancellationToken, SuppressionReason? emailSuppression = null)
    {
        await storage.EnsureInitializedAsync(cancellationToken).ConfigureAwait(false);
        ContactProfile? before = null;
        var after = await storage.Profiles.UpdateAsync(
            contactId,
            profile =>
            {
                before = profile;
                var tagged = profile.Tags.ContainsKey(tag) ? profile : profile with { Tags = profile.Tags.SetItem(tag, new ProfileTag(tag, TagSource.Computed, at)) };
                return emailSuppression is { } reason ? ProfileReducer.Suppress(tagged, "email", reason, at) : tagged;
            },
            cancellationToken).ConfigureAwait(false);
        await storage.Suppression.RecordAsync(before, after, cancellationToken).ConfigureAwait(false);
    }
}

namespace Nurture.Channels.Sending;

/// <summary>What a provider's refusal says about the recipient; the caller applies it to the contact's profile.</summary>
public enum RecipientImpact
{
    /// <summary>Nothing about the recipient.</summary>
    None,

    /// <summary>The recipient opted out at the provider (Twilio 21610): turn SMS consent off.</summary>
    SmsConsentWithdrawn,

    /// <summary>The phone number cannot take SMS (Twilio 21211 invalid number, 21614 not a mobile number).</summary>
    PhoneUnusable,

    /// <summary>The email address was refused (SendGrid rejected the recipient address).</summary>
    EmailUnusable,
}

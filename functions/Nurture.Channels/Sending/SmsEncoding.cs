namespace Nurture.Channels.Sending;

/// <summary>The encoding an SMS body needs.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet (160 septets in one segment, 153 per segment when split).</summary>
    Gsm7,

    /// <summary>UCS-2 / UTF-16 (70 code units in one segment, 67 per segment when split).</summary>
    Ucs2,
}

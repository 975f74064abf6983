namespace Nurture.Channels.Sending.Sms;

/// <summary>How an SMS body travels: its encoding, its length in that encoding's units and the segments it needs.</summary>
/// <param name="Encoding">GSM-7 when every character is in the GSM alphabet, else UCS-2.</param>
/// <param name="Units">Septets (GSM-7, extension characters count two) or UTF-16 code units (UCS-2, an emoji counts two).</param>
/// <param name="Segments">The segments the carrier bills.</param>
public sealed record SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments);

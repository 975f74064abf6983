namespace Nurture.Channels.Sending.Sms;

/// <summary>Counts the segments an SMS body needs, the way carriers split concatenated messages.</summary>
/// <remarks>
/// One segment holds 160 GSM-7 septets or 70 UCS-2 code units. A longer body is split into segments of 153 septets
/// or 67 code units (the rest of each is the concatenation header). A GSM-7 extension character (escape + septet)
/// and a UTF-16 surrogate pair are never split across two segments, so a segment may hold one unit less.
/// </remarks>
public static class SmsSegments
{
    /// <summary>Septets in a single GSM-7 segment.</summary>
    public const int Gsm7Single = 160;

    /// <summary>Septets per segment of a split GSM-7 message.</summary>
    public const int Gsm7Multipart = 153;

    /// <summary>Code units in a single UCS-2 segment.</summary>
    public const int Ucs2Single = 70;

    /// <summary>Code units per segment of a split UCS-2 message.</summary>
    public const int Ucs2Multipart = 67;

    /// <summary>Counts <paramref name="body"/>.</summary>
    /// <param name="body">The body exactly as sent (opt-out line included).</param>
    public static SmsSegmentCount Count(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var septets = new int[body.Length];
        var gsm = true;
        for (var i = 0; i < body.Length && gsm; i++)
        {
            septets[i] = Gsm7Alphabet.Septets(body[i]);
            gsm = septets[i] > 0;
        }

        return gsm ? Pack(SmsEncoding.Gsm7, septets, Gsm7Single, Gsm7Multipart) : Pack(SmsEncoding.Ucs2, Ucs2Units(body), Ucs2Single, Ucs2Multipart);
    }

    private static int[] Ucs2Units(string body)
    {
        // A surrogate pair is one indivisible item of two units; the low surrogate's slot is left at zero.
        var units = new int[body.Length];
        for (var i = 0; i < body.Length; i++)
        {
            if (char.IsHighSurrogate(body[i]) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
            {
                units[i++] = 2;
            }
            else
            {
                units[i] = 1;
            }
        }

        return units;
    }

    private static SmsSegmentCount Pack(SmsEncoding encoding, int[] items, int single, int multipart)
    {
        var total = items.Sum();
        if (total <= single)
        {
            return new SmsSegmentCount(encoding, total, 1);
        }

        var segments = 1;
        var used = 0;
        foreach (var size in items)
        {
            if (size == 0)
            {
                continue;
            }

            if (used + size > multipart)
            {
                segments++;
                used = 0;
            }

            used += size;
        }

        return new SmsSegmentCount(encoding, total, segments);
    }
}

using Nurture.Channels.Sending;
using Nurture.Channels.Sending.Sms;

namespace Nurture.Channels.Tests.Sending;

public sealed class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Count_Gsm7Basic_Uses160ThenSegmentsOf153(int length, int segments)
    {
        var count = SmsSegments.Count(new string('a', length));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, length, segments), count);
    }

    [Fact]
    public void Count_Gsm7ExtensionCharacters_TakeTwoSeptets()
    {
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 160, 1), SmsSegments.Count(new string('€', 80)));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 162, 2), SmsSegments.Count(new string('€', 81)));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 161, 2), SmsSegments.Count(new string('a', 159) + "^"));
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà{}[]~|\\\f").Encoding);
    }

    [Fact]
    public void Count_NeverSplitsAnEscapeSequenceAcrossSegments()
    {
        // 152 + 2 + 152 = 306 septets would fill two segments exactly, but the euro cannot start at septet 153.
        var count = SmsSegments.Count(new string('a', 152) + "€" + new string('a', 152));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, 306, 3), count);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Count_Ucs2_Uses70ThenSegmentsOf67(int length, int segments)
    {
        var count = SmsSegments.Count(new string('ж', length));

        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, length, segments), count);
    }

    [Fact]
    public void Count_AnEmoji_SwitchesToUcs2AndTakesTwoUnitsNeverSplit()
    {
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 4, 1), SmsSegments.Count("Hi😊"));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 70, 1), SmsSegments.Count(string.Concat(Enumerable.Repeat("😊", 35))));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 72, 2), SmsSegments.Count(string.Concat(Enumerable.Repeat("😊", 36))));
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Ucs2, 134, 3), SmsSegments.Count(new string('ж', 66) + "😊" + new string('ж', 66)));
    }
}

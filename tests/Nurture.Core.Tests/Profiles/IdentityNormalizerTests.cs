using Nurture.Core.Events;
using Nurture.Core.Profiles;

namespace Nurture.Core.Tests.Profiles;

public sealed class IdentityNormalizerTests
{
    [Theory]
    [InlineData("  Bob.Norman@Example.COM ", "bob.norman@example.com")]
    [InlineData("b.o.b+promo@gmail.com", "b.o.b+promo@gmail.com")]
    [InlineData("ana.garcía@example.es", "ana.garcía@example.es")]
    [InlineData("no-at-sign.example.com", null)]
    [InlineData("two@@example.com", null)]
    [InlineData("@example.com", null)]
    [InlineData("bob@", null)]
    [InlineData("bob@localhost", null)]
    [InlineData("bob@example.com.", null)]
    [InlineData("bob smith@example.com", null)]
    [InlineData("bob@example.com\r\nBcc: x@evil.example", null)]
    [InlineData("' or true or '@x.example", null)]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void NormalizeEmail_TrimsAndLowercasesOnly(string? input, string? expected)
    {
        Assert.Equal(expected, IdentityNormalizer.NormalizeEmail(input));
    }

    [Fact]
    public void NormalizeEmail_RejectsOverlongAddresses()
    {
        Assert.Null(IdentityNormalizer.NormalizeEmail(new string('a', 250) + "@example.com"));
    }

    [Theory]
    [InlineData("+1 (613) 555-0135", "1", "+16135550135")]
    [InlineData("+16135550135", null, "+16135550135")]
    [InlineData("613-555-0135", "1", "+16135550135")]
    [InlineData("1 613 555 0135", "1", "+16135550135")]
    [InlineData("07700 900123", "44", "+447700900123")]
    [InlineData("0044 7700 900123", null, "+447700900123")]
    [InlineData("612 345 678", "34", "+34612345678")]
    [InlineData("613-555-0135", null, null)]
    [InlineData("+1 613 555 0135 ext 12", "1", null)]
    [InlineData("+0 123 456 789", null, null)]
    [InlineData("+12", null, null)]
    [InlineData("+1234567890123456", null, null)]
    [InlineData("' or true or '", "1", null)]
    [InlineData("", "1", null)]
    public void NormalizePhone_GivesE164OrNull(string input, string? callingCode, string? expected)
    {
        Assert.Equal(expected, IdentityNormalizer.NormalizePhone(input, callingCode));
    }

    [Fact]
    public void CustomerKey_QualifiesByPlatform_AndRejectsUnsafeIds()
    {
        Assert.Equal("shopify:42", IdentityNormalizer.CustomerKey(EventSource.Shopify, " 42 "));
        Assert.Equal("woocommerce:42", IdentityNormalizer.CustomerKey(EventSource.WooCommerce, "42"));
        Assert.Null(IdentityNormalizer.CustomerKey(EventSource.Shopify, "4\u00002"));
        Assert.Null(IdentityNormalizer.CustomerKey(EventSource.Shopify, new string('9', 2048)));
        Assert.Null(IdentityNormalizer.CustomerKey(EventSource.Shopify, " "));
    }
}

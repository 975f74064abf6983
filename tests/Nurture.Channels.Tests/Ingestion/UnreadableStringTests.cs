using System.Text;
using Nurture.Channels.Ingestion;
using Nurture.Channels.Ingestion.Shopify;
using Nurture.Channels.Tests.Infrastructure;
using Nurture.Core.Events;

namespace Nurture.Channels.Tests.Ingestion;

/// <summary>
/// Strings the JSON parser lets through but that cannot be read as text: raw invalid UTF-8 and escaped lone
/// surrogates. The body is rejected naming the field; escapes that are text still map.
/// </summary>
public sealed class UnreadableStringTests
{
    private const string Prefix = "{\"id\":1,\"updated_at\":\"2025-03-02T10:00:00Z\",\"email\":\"a@example.com\",";

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Map_RawInvalidUtf8InAString_IsInvalidNamingTheField(byte[] bad)
    {
        var body = Concat(Prefix + "\"first_name\":\"ok", bad, "\"}");

        var invalid = Outcomes.Invalid(MapCustomer(body));

        Assert.Equal("body.first_name", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public void Map_EscapedLoneSurrogateInAnArray_NamesItsIndex()
    {
        var invalid = Outcomes.Invalid(MapCustomer(Encoding.UTF8.GetBytes(Prefix + "\"addresses\":[{\"city\":\"Oslo\"},{\"city\":\"x\\ud800\"}]}")));

        Assert.Equal("body.addresses[1].city", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public void Map_EscapedLoneSurrogateInAMemberName_IsInvalid()
    {
        var invalid = Outcomes.Invalid(MapCustomer(Encoding.UTF8.GetBytes(Prefix + "\"\\udc00\":1}")));

        Assert.Equal("body.<name>", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public void Map_EscapesThatAreText_MapToTheirCharacters()
    {
        var evt = Outcomes.Single(MapCustomer(Encoding.UTF8.GetBytes(Prefix + "\"first_name\":\"J\\u00fcrgen \\ud83d\\ude0a\"}")));

        Assert.Equal("Jürgen 😊", Outcomes.Text(evt, EventProperties.FirstName));
    }

    private static MappingOutcome MapCustomer(byte[] body) =>
        new ShopifyMapper().Map(Fixture.Delivery(ShopifyTopics.CustomersUpdate, body, (ShopifyHeaders.EventId, "e")));

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];
}

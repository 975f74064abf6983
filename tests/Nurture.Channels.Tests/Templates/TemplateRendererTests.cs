using Nurture.Channels.Templates;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Channels.Tests.Templates;

public sealed class TemplateRendererTests
{
    private static readonly Dictionary<string, string?> Values = new() { ["first_name"] = "Ana", ["total"] = "55.00", ["empty"] = null };

    [Theory]
    [InlineData("Hi {{first_name}}, your cart of {{ total }} is waiting", "Hi Ana, your cart of 55.00 is waiting")]
    [InlineData("{{FIRST_NAME}}", "Ana")]
    [InlineData("unknown: [{{nope}}] empty: [{{empty}}]", "unknown: [] empty: []")]
    [InlineData("no placeholders", "no placeholders")]
    [InlineData("open {{first_name but never closed", "open {{first_name but never closed")]
    [InlineData("", "")]
    public void Render_FillsPlaceholders(string template, string expected) =>
        Assert.Equal(expected, TemplateRenderer.Render(template, Values));

    [Fact]
    public async Task Store_RoundTripsTemplates()
    {
        var store = new TemplateStore(PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix()).Tables);
        await store.InitializeAsync();
        await store.SaveAsync(new MessageTemplate("cart-email", "Hi {{first_name}}", "Your cart"));
        await store.SaveAsync(new MessageTemplate("cart-sms", "Cart waiting"));

        Assert.Equal(new MessageTemplate("cart-email", "Hi {{first_name}}", "Your cart"), await store.GetAsync("cart-email"));
        Assert.Null((await store.GetAsync("cart-sms"))!.Subject);
        Assert.Null(await store.GetAsync("missing"));
    }

    [Theory]
    [InlineData("Hi {{first_name}}, {{ coupon }} and {{FIRST_NAME}} again", "first_name,coupon")]
    [InlineData("no placeholders", "")]
    [InlineData("{{a}} then {{b but never closed", "a")]
    public void Placeholders_AreListedOnceInOrder(string template, string expected) =>
        Assert.Equal(expected, string.Join(",", TemplateRenderer.Placeholders(template)));

    [Theory]
    [InlineData("Hi {{first_name}}", -1)]
    [InlineData("Hi {{first_name", 3)]
    [InlineData("{{a}} {{b", 6)]
    [InlineData("just }} closing", -1)]
    public void UnclosedPlaceholder_IsFound(string template, int expected) =>
        Assert.Equal(expected, TemplateRenderer.UnclosedPlaceholderAt(template));

    [Fact]
    public async Task Store_ListsTemplates_AndKeepsBodiesLongerThanOneProperty()
    {
        var store = new TemplateStore(PrefixedStorage.Create(StorageTestEnvironment.ConnectionString, PrefixedStorage.NewPrefix()).Tables);
        await store.InitializeAsync();
        var body = new string('x', 70_000);
        await store.SaveAsync(new MessageTemplate("b-long", body, "Long"));
        await store.SaveAsync(new MessageTemplate("a-short", "Short"));

        var listed = await store.ListAsync();

        Assert.Equal(["a-short", "b-long"], listed.Select(t => t.Id));
        Assert.Equal(body, listed[1].Body);
    }
}

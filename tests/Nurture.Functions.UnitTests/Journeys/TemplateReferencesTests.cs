using Microsoft.Extensions.Configuration;
using Nurture.Channels.Sending;
using Nurture.Channels.Templates;
using Nurture.Core.Journeys.Serialization;
using Nurture.Functions.Journeys;
using Nurture.Functions.UnitTests.Infrastructure;

namespace Nurture.Functions.UnitTests.Journeys;

public sealed class TemplateReferencesTests
{
    private const string DynamicId = "d-0123456789abcdef0123456789abcdef";
    private readonly JourneyStorage _storage = new(TestStorageAccounts.IsolatedAzurite(), TimeProvider.System);

    [Fact]
    public async Task AnEmailWithoutSender_NeedsTheDefaultShopsFromAddress()
    {
        var template = await TemplateAsync();
        var journey = OneEmail(template, channel: """{ "subject": "Hi" }""");

        var without = await TemplateReferences.CheckAsync(journey, _storage.Templates, Channels(new()));
        var with = await TemplateReferences.CheckAsync(journey, _storage.Templates, Channels(new() { ["Channels:Shops:default:EmailFrom"] = "hello@example.com" }));

        var problem = Assert.Single(without);
        Assert.Equal("nodes[0].channel.sender", problem.Path);
        Assert.Contains("Channels:Shops:default:EmailFrom", problem.Message, StringComparison.Ordinal);
        Assert.Empty(with);
    }

    [Fact]
    public async Task ASendGridDynamicTemplate_NeedsNoStoredTemplateOrSubject_ForEmailOnly()
    {
        await _storage.EnsureCreatedAsync();
        var email = OneEmail(DynamicId, channel: """{ "sender": "shop@example.com" }""");
        var sms = JourneyJson.Parse($$"""
            { "id": "j", "name": "j", "version": 1, "entry": { "kind": "api" }, "start": "s",
              "nodes": [{ "type": "send_sms", "id": "s", "template": "{{DynamicId}}", "next": null }] }
            """);

        Assert.Empty(await TemplateReferences.CheckAsync(email, _storage.Templates, Channels(new())));
        Assert.Equal("nodes[0].template", Assert.Single(await TemplateReferences.CheckAsync(sms, _storage.Templates, Channels(new()))).Path);
    }

    private async Task<string> TemplateAsync()
    {
        await _storage.EnsureCreatedAsync();
        var id = "t-" + Guid.NewGuid().ToString("N")[..8];
        await _storage.Templates.SaveAsync(new MessageTemplate(id, "Hello"));
        return id;
    }

    private static Core.Journeys.Model.JourneyDefinition OneEmail(string template, string channel) => JourneyJson.Parse($$"""
        { "id": "j", "name": "j", "version": 1, "entry": { "kind": "api" }, "start": "e",
          "nodes": [{ "type": "send_email", "id": "e", "template": "{{template}}", "channel": {{channel}}, "next": null }] }
        """);

    private static ChannelOptions Channels(Dictionary<string, string?> settings)
    {
        var options = new ChannelOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ChannelOptions.SectionName).Bind(options);
        return options;
    }
}

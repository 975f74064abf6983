using System.Net;
using System.Text.Json;
using Nurture.Storage.Tests.Infrastructure;

namespace Nurture.Functions.Tests.Ingestion;

/// <summary>Reads contacts through the privacy API, polling until processing has caught up.</summary>
internal static class ContactsApi
{
    public static async Task<JsonElement?> TryGetAsync(IngestionHostFixture fixture, string idEmailOrPhone)
    {
        using var response = await fixture.SendWithKeyAsync(HttpMethod.Get, "api/contacts/" + Uri.EscapeDataString(idEmailOrPhone));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Polls until the contact exists and <paramref name="condition"/> holds for it.</summary>
    public static async Task<JsonElement> WaitForAsync(IngestionHostFixture fixture, string idEmailOrPhone, Func<JsonElement, bool> condition, string what)
    {
        var box = await Poll.UntilAsync(
            async () => await TryGetAsync(fixture, idEmailOrPhone) is { } contact && condition(contact) ? new StrongBox(contact) : null,
            TimeSpan.FromSeconds(30),
            what);
        return box.Value;
    }

    public static int OrderCount(JsonElement contact) => contact.GetProperty("profile").GetProperty("orders").GetProperty("order_count").GetInt32();

    private sealed class StrongBox(JsonElement value)
    {
        public JsonElement Value { get; } = value;
    }
}

using Nurture.Channels.Ingestion;
using Nurture.Core.Events;

namespace Nurture.Channels.Tests.Infrastructure;

/// <summary>Assertions that unwrap mapping outcomes with a helpful message when the kind is wrong.</summary>
internal static class Outcomes
{
    public static CanonicalEvent Single(MappingOutcome outcome) => Assert.Single(Mapped(outcome).Events);

    public static MappedEvents Mapped(MappingOutcome outcome) =>
        outcome as MappedEvents ?? throw new Xunit.Sdk.XunitException("Expected events but got " + outcome);

    public static InvalidDelivery Invalid(MappingOutcome outcome) =>
        outcome as InvalidDelivery ?? throw new Xunit.Sdk.XunitException("Expected an invalid outcome but got " + outcome);

    public static string? Text(CanonicalEvent evt, string name) =>
        evt.Properties.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;

    public static decimal? Number(CanonicalEvent evt, string name) =>
        evt.Properties.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number ? value.GetDecimal() : null;
}

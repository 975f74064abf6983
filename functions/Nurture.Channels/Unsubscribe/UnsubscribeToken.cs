using Nurture.Core.Journeys.Model;

namespace Nurture.Channels.Unsubscribe;

/// <summary>What a one-click unsubscribe token says: who unsubscribes from which channel of which shop, issued when.</summary>
/// <param name="ContactId">The contact.</param>
/// <param name="Channel">The channel to turn consent off for.</param>
/// <param name="ShopId">The shop; empty for a single-shop setup.</param>
/// <param name="IssuedAt">When the token was issued (whole seconds).</param>
public sealed record UnsubscribeToken(string ContactId, MessageChannel Channel, string ShopId, DateTimeOffset IssuedAt);

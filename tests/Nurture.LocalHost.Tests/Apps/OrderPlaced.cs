namespace Nurture.LocalHost.Tests.Apps;

/// <summary>A queue message body the app deserializes (camelCase JSON on the wire).</summary>
public sealed record OrderPlaced(string OrderId, decimal Total, IReadOnlyList<string> Items);

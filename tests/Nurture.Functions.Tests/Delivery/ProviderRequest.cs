namespace Nurture.Functions.Tests.Delivery;

/// <summary>One request the fake received, as it came over the wire.</summary>
public sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>The fake's answer to one request.</summary>
public sealed record ProviderAnswer(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null, string ContentType = "application/json");

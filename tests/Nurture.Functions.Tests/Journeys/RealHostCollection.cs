namespace Nurture.Functions.Tests.Journeys;

/// <summary>
/// Tests that run the built app as its own process on a private Azurite: one at a time, since each keeps two
/// processes busy on a machine whose other tests run in parallel.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RealHostCollection
{
    public const string Name = "real journey host";
}

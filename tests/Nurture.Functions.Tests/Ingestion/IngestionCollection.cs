namespace Nurture.Functions.Tests.Ingestion;

/// <summary>The ingestion tests share one host (they use unique shoppers, so they cannot see each other's data).</summary>
[CollectionDefinition(Name)]
public sealed class IngestionCollection : ICollectionFixture<IngestionHostFixture>
{
    public const string Name = "ingestion";
}

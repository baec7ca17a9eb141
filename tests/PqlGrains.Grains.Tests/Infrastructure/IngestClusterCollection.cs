namespace PqlGrains.Grains.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class IngestClusterCollection : ICollectionFixture<IngestClusterFixture>
{
    public const string Name = "ingest cluster";
}

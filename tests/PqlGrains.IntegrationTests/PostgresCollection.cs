using PqlGrains.Testing.Postgres;

namespace PqlGrains.IntegrationTests;

/// <summary>One PostgreSQL server for the whole assembly; each test class takes its own database from it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

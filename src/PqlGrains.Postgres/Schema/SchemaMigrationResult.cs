namespace PqlGrains.Postgres.Schema;

/// <summary>What a migration run found and did.</summary>
/// <param name="PreviousVersion">The schema version before the run (0 for an empty database).</param>
/// <param name="CurrentVersion">The schema version after the run.</param>
/// <param name="Applied">The steps this run applied, in order; empty when the database was already current.</param>
public sealed record SchemaMigrationResult(int PreviousVersion, int CurrentVersion, IReadOnlyList<SchemaMigration> Applied)
{
    public bool ChangedAnything => Applied.Count > 0;
}

namespace PqlGrains.Postgres.Schema;

/// <summary>One versioned step of the PqlGrains database schema, shipped as an embedded .sql file.</summary>
/// <param name="Version">The schema version this step brings the database to; versions are contiguous from 1.</param>
/// <param name="Name">The file's descriptive name, e.g. <c>orleans_adonet</c>.</param>
/// <param name="Sql">The script; idempotent on its own, so a half-applied step converges when rerun.</param>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    public override string ToString() => $"{Version:D4}_{Name}";
}

namespace PqlGrains.Postgres.Schema;

/// <summary>
/// The database's schema version does not match what this binary can work with: either a newer
/// release already migrated it (running an older binary against it could corrupt data), or it
/// has not been migrated yet.
/// </summary>
public sealed class SchemaVersionException : Exception
{
    public SchemaVersionException(int databaseVersion, int binaryVersion, string message)
        : base(message)
    {
        DatabaseVersion = databaseVersion;
        BinaryVersion = binaryVersion;
    }

    public int DatabaseVersion { get; }

    public int BinaryVersion { get; }

    internal static SchemaVersionException TooNew(int databaseVersion, int binaryVersion) => new(
        databaseVersion,
        binaryVersion,
        $"The database schema is at version {databaseVersion}, newer than this PqlGrains binary knows (version {binaryVersion}). " +
        "A newer PqlGrains release has migrated this database; run that release (or newer) instead of this one. Nothing was changed.");

    internal static SchemaVersionException TooOld(int databaseVersion, int binaryVersion) => new(
        databaseVersion,
        binaryVersion,
        $"The database schema is at version {databaseVersion} but this PqlGrains binary needs version {binaryVersion}. " +
        "Apply the schema with `pql db migrate --connection \"<connection string>\"`, or start the silo with Pql__Database__MigrateOnStart=true.");
}

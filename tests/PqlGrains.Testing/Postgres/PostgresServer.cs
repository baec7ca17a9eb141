using Npgsql;
using PqlGrains.Postgres.Schema;
using Xunit;

namespace PqlGrains.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server for a test assembly: a throwaway server started from this machine's
/// binaries, or the existing server named by <c>PQL_TEST_POSTGRES</c> (a connection string whose
/// user may create databases). Use it as a collection fixture and give each test class its own
/// database with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, IDisposable
{
    /// <summary>Environment variable holding the connection string of an existing server to use instead.</summary>
    public const string ExistingServerVariable = "PQL_TEST_POSTGRES";

    private readonly List<string> createdDatabases = [];
    private readonly Lock sync = new();
    private LocalPostgresCluster? local;
    private string? adminConnectionString;

    /// <summary>Connection string to the server's maintenance database, as a superuser (or the PQL_TEST_POSTGRES user).</summary>
    public string AdminConnectionString =>
        adminConnectionString ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    public async Task InitializeAsync()
    {
        var existing = Environment.GetEnvironmentVariable(ExistingServerVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            adminConnectionString = existing;
        }
        else
        {
            local = await LocalPostgresCluster.StartAsync();
            adminConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = local.Port,
                Username = local.SuperUser,
                Database = "postgres",
            }.ConnectionString;
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
    }

    /// <summary>
    /// Creates an empty database with a unique name starting with <paramref name="label"/> and, unless
    /// told otherwise, applies the PqlGrains schema to it. Returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string label, bool migrate = true)
    {
        var name = DatabaseName(label);
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        lock (sync)
        {
            createdDatabases.Add(name);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        if (migrate)
        {
            await PqlSchema.MigrateAsync(connectionString, CancellationToken.None);
        }

        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (local is null && adminConnectionString is not null)
        {
            await DropCreatedDatabasesAsync();
        }

        Dispose();
    }

    public void Dispose()
    {
        local?.Dispose();
        local = null;
    }

    private async Task DropCreatedDatabasesAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var name in createdDatabases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string DatabaseName(string label)
    {
        var cleaned = new string(label.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        if (cleaned.Length > 40)
        {
            cleaned = cleaned[..40];
        }

        return $"pql_{cleaned}_{Guid.NewGuid().ToString("N")[..8]}";
    }
}

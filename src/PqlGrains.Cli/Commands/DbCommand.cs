using System.CommandLine;
using Npgsql;
using PqlGrains.Postgres.Schema;

namespace PqlGrains.Cli.Commands;

/// <summary><c>pql db migrate</c>: applies the PqlGrains schema to a PostgreSQL database.</summary>
internal static class DbCommand
{
    private const string ConnectionVariable = "ConnectionStrings__Pql";

    public static Command Create()
    {
        var command = new Command("db", "Database administration.");
        command.Subcommands.Add(CreateMigrate());
        return command;
    }

    private static Command CreateMigrate()
    {
        var connection = new Option<string?>("--connection", "-c")
        {
            Description = $"Npgsql connection string of the target database (default: the {ConnectionVariable} environment variable).",
        };
        var migrate = new Command("migrate", "Create or upgrade the PqlGrains schema (Orleans clustering, state and reminder tables, event log). Safe to run repeatedly and concurrently.");
        migrate.Options.Add(connection);
        migrate.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var connectionString = parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable(ConnectionVariable);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await error.WriteLineAsync($"No database given: pass --connection \"Host=…;Username=…;Password=…;Database=…\" or set {ConnectionVariable}.");
                return 2;
            }

            try
            {
                var result = await PqlSchema.MigrateAsync(connectionString, cancellationToken);
                await Report(output, result);
                return 0;
            }
            catch (SchemaVersionException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return 3;
            }
            catch (Exception exception) when (exception is NpgsqlException or ArgumentException)
            {
                await error.WriteLineAsync($"Could not migrate the database: {exception.Message}. Check the connection string and that the server is reachable.");
                return 1;
            }
        });
        return migrate;
    }

    private static async Task Report(TextWriter output, SchemaMigrationResult result)
    {
        if (!result.ChangedAnything)
        {
            await output.WriteLineAsync($"Schema is current at version {result.CurrentVersion}; nothing to do.");
            return;
        }

        foreach (var migration in result.Applied)
        {
            await output.WriteLineAsync($"Applied {migration}");
        }

        await output.WriteLineAsync($"Schema migrated from version {result.PreviousVersion} to {result.CurrentVersion}.");
    }
}

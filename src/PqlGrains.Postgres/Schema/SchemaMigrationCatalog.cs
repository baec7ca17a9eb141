using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PqlGrains.Postgres.Schema;

/// <summary>The migrations embedded in this assembly (Sql/NNNN_name.sql), ordered by version.</summary>
internal static partial class SchemaMigrationCatalog
{
    private static readonly Lazy<IReadOnlyList<SchemaMigration>> Loaded = new(Load);

    public static IReadOnlyList<SchemaMigration> All => Loaded.Value;

    private static IReadOnlyList<SchemaMigration> Load()
    {
        var assembly = typeof(SchemaMigrationCatalog).Assembly;
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            migrations.Add(new SchemaMigration(version, match.Groups["name"].Value, ReadResource(assembly, resource)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            // A gap or a duplicate would make "the database is at version N" ambiguous.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Embedded schema migrations must be numbered 1, 2, 3… without gaps or duplicates; found {migrations[i]} at position {i + 1}.");
            }
        }

        return migrations;
    }

    private static string ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded schema migration {resource} could not be opened.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\.Sql\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}

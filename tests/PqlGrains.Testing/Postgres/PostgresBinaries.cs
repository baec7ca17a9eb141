namespace PqlGrains.Testing.Postgres;

/// <summary>Locates the PostgreSQL server binaries (initdb, pg_ctl) installed on this machine.</summary>
internal sealed record PostgresBinaries(string InitDb, string PgCtl)
{
    private const string InstallHint =
        "The PostgreSQL-backed tests start a throwaway server from this machine's PostgreSQL binaries (initdb, pg_ctl), " +
        "and none were found on PATH or under /usr/lib/postgresql/<version>/bin. Install them with " +
        "`sudo apt-get install -y postgresql` (or run .ci/run, which does), or set PQL_TEST_POSTGRES to the connection " +
        "string of an existing server whose user may create databases.";

    public static PostgresBinaries Find()
    {
        var initDb = FindOnPath("initdb") ?? FindInDebianLayout("initdb")
            ?? throw new InvalidOperationException(InstallHint);

        // Prefer the pg_ctl of the same installation so initdb and the server agree on the data format.
        var directory = Path.GetDirectoryName(ResolveLinks(initDb))!;
        var pgCtl = Path.Combine(directory, "pg_ctl");
        if (!File.Exists(pgCtl))
        {
            pgCtl = FindOnPath("pg_ctl") ?? throw new InvalidOperationException(InstallHint);
        }

        return new PostgresBinaries(ResolveLinks(initDb), pgCtl);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static string? FindInDebianLayout(string program)
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        // Several majors may be installed side by side; take the newest.
        return Directory.GetDirectories(root)
            .Select(directory => (Major: int.TryParse(Path.GetFileName(directory), out var major) ? major : -1, Path: Path.Combine(directory, "bin", program)))
            .Where(candidate => candidate.Major >= 0 && File.Exists(candidate.Path))
            .OrderByDescending(candidate => candidate.Major)
            .Select(candidate => candidate.Path)
            .FirstOrDefault();
    }

    private static string ResolveLinks(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
}

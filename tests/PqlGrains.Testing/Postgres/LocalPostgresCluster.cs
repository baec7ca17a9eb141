using System.Diagnostics;
using System.Globalization;

namespace PqlGrains.Testing.Postgres;

/// <summary>
/// A PostgreSQL server of our own: a fresh data directory under the temp directory, a free
/// loopback port, its unix socket kept in that directory. Tuned for tests (no fsync), never for data.
/// </summary>
internal sealed class LocalPostgresCluster : IDisposable
{
    // initdb refuses to run as root; the postgres system user exists wherever Debian's package is installed.
    private const string UnprivilegedUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    // LoopbackPort.Free only says a port was free a moment ago: on a machine shared by several
    // test runs another process may bind it before the server does; then start over on a new port.
    private const int StartAttempts = 3;

    private readonly PostgresBinaries binaries;
    private readonly string root;
    private readonly bool runAsUnprivilegedUser;
    private Process? watchdog;
    private bool stopped;

    private LocalPostgresCluster(PostgresBinaries binaries, string root, int port, bool runAsUnprivilegedUser)
    {
        this.binaries = binaries;
        this.root = root;
        this.runAsUnprivilegedUser = runAsUnprivilegedUser;
        Port = port;
    }

    public int Port { get; }

    public string SuperUser => runAsUnprivilegedUser ? UnprivilegedUser : Environment.UserName;

    private string DataDirectory => Path.Combine(root, "data");

    private string ServerLog => Path.Combine(root, "server.log");

    private bool LostPortRace =>
        File.Exists(ServerLog) && File.ReadAllText(ServerLog).Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    public static async Task<LocalPostgresCluster> StartAsync()
    {
        var binaries = PostgresBinaries.Find();
        var asRoot = Environment.UserName == "root";
        for (var attempt = 1; ; attempt++)
        {
            var root = Path.Combine(Path.GetTempPath(), "pql-pg-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(root);
            var cluster = new LocalPostgresCluster(binaries, root, LoopbackPort.Free(), asRoot);
            try
            {
                await cluster.InitializeAsync();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && cluster.LostPortRace)
            {
                cluster.Dispose();
            }
            catch
            {
                cluster.Dispose();
                throw;
            }
        }
    }

    private async Task InitializeAsync()
    {
        if (runAsUnprivilegedUser)
        {
            await ProcessRunner.RunAsync("chown", ["-R", $"{UnprivilegedUser}:{UnprivilegedUser}", root], CommandTimeout);
        }

        await RunPostgresToolAsync(binaries.InitDb,
            ["-D", DataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"]);

        var serverOptions = string.Join(' ',
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", root,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=400",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off");
        await RunPostgresToolAsync(binaries.PgCtl,
            ["start", "-D", DataDirectory, "-w", "-t", "60", "-l", ServerLog, "-o", serverOptions]);
        watchdog = StartWatchdog();
    }

    public void Dispose()
    {
        if (!stopped)
        {
            stopped = true;
            StopServer();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // The watchdog removes what is left once the test host is gone.
            }
        }

        if (watchdog is { HasExited: false })
        {
            watchdog.Kill();
        }

        watchdog?.Dispose();
    }

    private void StopServer()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }

        // Immediate: the data is throwaway, so there is nothing worth a clean checkpoint.
        var (fileName, arguments) = AsServerUser(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate", "-w"]);
        var startInfo = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(startInfo.ArgumentList.Add);
        using var process = Process.Start(startInfo);
        process?.WaitForExit(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// A detached shell that stops the server and removes its directory once this test host is
    /// gone, so a crashed or killed test run does not leave servers behind.
    /// </summary>
    private Process? StartWatchdog()
    {
        var (stopFile, stopArguments) = AsServerUser(binaries.PgCtl, ["stop", "-D", DataDirectory, "-m", "immediate"]);
        var stopCommand = string.Join(' ', new[] { stopFile }.Concat(stopArguments).Select(Quote));
        var script =
            $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"{stopCommand}; rm -rf {Quote(root)}";
        var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "/bin/sh", "-c", script })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(startInfo);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid: the explicit Dispose still stops the server.
            return null;
        }
    }

    private Task RunPostgresToolAsync(string tool, List<string> arguments)
    {
        var (fileName, allArguments) = AsServerUser(tool, arguments);
        return ProcessRunner.RunAsync(fileName, allArguments, CommandTimeout);
    }

    private (string FileName, List<string> Arguments) AsServerUser(string tool, List<string> arguments) =>
        runAsUnprivilegedUser
            ? ("runuser", ["-u", UnprivilegedUser, "--", tool, .. arguments])
            : (tool, arguments);

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}

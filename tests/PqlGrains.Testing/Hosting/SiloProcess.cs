using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace PqlGrains.Testing.Hosting;

/// <summary>
/// The real host (<c>dotnet PqlGrains.Silo.dll</c>) in its own process, configured only through
/// environment variables as an operator would. Started on free loopback ports; ready when
/// /readyz answers 200. Use <see cref="Kill"/> for a crash and <see cref="StopAsync"/> for a
/// graceful shutdown.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    // LoopbackPort.Free only says a port was free a moment ago: on a machine shared by several
    // test runs another process may bind it first, and then the silo exits; start again on new ports.
    private const int StartAttempts = 3;

    // Silos a test forgot to dispose (an aborted run) must not outlive the test host.
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    static SiloProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Live.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    };
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly int httpPort;
    private readonly int gatewayPort;

    private SiloProcess(Process process, IReadOnlyDictionary<string, string> environment, int httpPort, int siloPort, int gatewayPort, string adminToken)
    {
        this.process = process;
        this.environment = environment;
        this.httpPort = httpPort;
        this.gatewayPort = gatewayPort;
        SiloPort = siloPort;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
    }

    /// <summary>A client for this silo's HTTP endpoints, sending the silo's admin token (<c>Pql__Api__AdminToken</c>, else the development default).</summary>
    public HttpClient Http { get; }

    /// <summary>The silo-to-silo port; Orleans silo addresses of this process contain it (S127.0.0.1:PORT:GEN).</summary>
    public int SiloPort { get; }

    public bool HasExited => process.HasExited;

    private bool LostPortRace =>
        process.HasExited && Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase);

    /// <summary>What the process wrote so far, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>
    /// Starts a silo with <paramref name="environment"/> (e.g. <c>Pql__Storage</c>,
    /// <c>ConnectionStrings__Pql</c>) on top of fresh ports, and waits until it is ready.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        for (var attempt = 1; ; attempt++)
        {
            var silo = Launch(environment);
            try
            {
                await silo.WaitUntilReadyAsync();
                return silo;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && silo.LostPortRace)
            {
                await silo.DisposeAsync();
            }
            catch
            {
                await silo.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Starts this silo again after <see cref="KillAsync"/> or <see cref="StopAsync"/>, as an
    /// operator's supervisor does: same settings and ports, so Orleans sees a newer generation of
    /// the same silo and retires the dead one at once instead of waiting to reach it.
    /// </summary>
    public async Task<SiloProcess> RestartAsync()
    {
        if (!process.HasExited)
        {
            throw new InvalidOperationException("The silo is still running: kill or stop it before restarting it.");
        }

        var silo = Launch(environment, httpPort, SiloPort, gatewayPort);
        try
        {
            await silo.WaitUntilReadyAsync();
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private static SiloProcess Launch(IReadOnlyDictionary<string, string> environment) =>
        Launch(environment, LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());

    private static SiloProcess Launch(IReadOnlyDictionary<string, string> environment, int httpPort, int siloPort, int gatewayPort)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(HostAssembly)!,
        };
        startInfo.ArgumentList.Add(HostAssembly);
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["Pql__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment["Pql__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment["Pql__Cluster__AdvertisedIP"] = "127.0.0.1";
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start `dotnet`.");
        Live[process.Id] = process;
        var silo = new SiloProcess(process, environment, httpPort, siloPort, gatewayPort, environment.TryGetValue("Pql__Api__AdminToken", out var token) ? token : "dev-admin-token");
        process.OutputDataReceived += (_, e) => silo.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Starts <paramref name="count"/> silos with the same settings at once (they form one cluster when the settings share a database and cluster id).</summary>
    public static async Task<SiloProcess[]> StartManyAsync(int count, IReadOnlyDictionary<string, string> environment)
    {
        var starts = Enumerable.Range(0, count).Select(_ => StartAsync(environment)).ToArray();
        try
        {
            return await Task.WhenAll(starts);
        }
        catch
        {
            foreach (var start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>SIGKILL: the process dies without leaving the cluster, as in a crash.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM and wait: the silo leaves the cluster cleanly.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await KillAsync();
        }

        Live.TryRemove(process.Id, out _);
        Http.Dispose();
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The silo was not ready within {ReadyTimeout}:\n{Output}");
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 400)
        {
            output.TryDequeue(out _);
        }
    }

    // Prefer the host project's own build output (it carries its runtimeconfig and deps files);
    // the configuration and framework folders mirror the running test assembly's.
    private static string HostAssembly { get; } = FindHostAssembly();

    private static string FindHostAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent?.Name ?? "Debug";
        var candidates = new[]
        {
            Path.Combine(RepositoryRoot.Path, "src", "PqlGrains.Silo", "bin", configuration, framework, "PqlGrains.Silo.dll"),
            Path.Combine(AppContext.BaseDirectory, "PqlGrains.Silo.dll"),
        };
        return candidates.FirstOrDefault(path => File.Exists(path) && File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
            ?? throw new InvalidOperationException(
                $"The silo host was not built (looked for {string.Join(" and ", candidates)}). Reference src/PqlGrains.Silo from the test project or run `dotnet build src/PqlGrains.Silo`.");
    }
}

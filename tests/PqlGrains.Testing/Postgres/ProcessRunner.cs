using System.Diagnostics;

namespace PqlGrains.Testing.Postgres;

/// <summary>Runs a short-lived command to completion and fails with its output when it fails.</summary>
internal static class ProcessRunner
{
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{Describe(startInfo)}` did not finish within {timeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{Describe(startInfo)}` failed with exit code {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static string Describe(ProcessStartInfo startInfo) =>
        $"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)}";
}

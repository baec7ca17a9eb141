using System.Net;
using System.Net.Sockets;

namespace PqlGrains.Cli.Tests.Calibration;

/// <summary>The export's operator errors; the export itself runs against an embedded cluster in the integration tests.</summary>
public sealed class ExportCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    [Fact]
    public async Task An_unreachable_cluster_says_to_check_the_url_and_the_silo()
    {
        var (exitCode, output, error) = await _cli.RunAsync("export", "--url", $"http://127.0.0.1:{ClosedPort()}", "--admin-token", "t", "--out", _cli.PathOf("out"));

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("Could not reach the cluster at http://127.0.0.1:", error, StringComparison.Ordinal);
        Assert.Contains("check --url (the silo's HTTP address) and that the silo is running", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_cli.PathOf("out")));
    }

    [Fact]
    public async Task A_url_without_a_scheme_is_refused_with_an_example()
    {
        var (exitCode, _, error) = await _cli.RunAsync("export", "--url", "localhost:8080", "--admin-token", "t", "--out", _cli.PathOf("out"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--url 'localhost:8080' is not an http(s) URL; give the silo's HTTP address, e.g. http://localhost:8080.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_out_it_is_a_parse_error_naming_the_option()
    {
        var (exitCode, _, error) = await _cli.RunAsync("export", "--url", "http://localhost:8080");

        Assert.Equal(1, exitCode);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Globalization;
using PqlGrains.Cli.Load;

namespace PqlGrains.Cli.Tests.Load;

public sealed class LoadProgressTests
{
    [Fact]
    public async Task Progress_lines_give_the_events_accepted_so_far_with_the_wall_clock_and_stop_with_the_run()
    {
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

        // The run ends right after the first tick: that tick's line is still written, and no other follows.
        await LoadProgress.WriteAsync(
            () =>
            {
                stop.Cancel();
                return 100;
            },
            output,
            stop.Token);

        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim().Split(' ');
        Assert.Equal(["progress", "accepted", "100"], new[] { line[0], line[2], line[3] });
        Assert.InRange(double.Parse(line[1], CultureInfo.InvariantCulture), before, after);
    }
}

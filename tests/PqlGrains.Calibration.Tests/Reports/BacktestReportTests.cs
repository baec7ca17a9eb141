using System.Text.Json;
using PqlGrains.Calibration.Metrics;
using PqlGrains.Calibration.Replay;
using PqlGrains.Calibration.Reports;
using PqlGrains.Scoring.Definitions;
using static PqlGrains.Calibration.Tests.Replay.TestEvents;

namespace PqlGrains.Calibration.Tests.Reports;

public sealed class BacktestReportTests
{
    private static BacktestReport Report()
    {
        var events = EventHistory.FromEvents([
            Track("ada", "user.billing_page_viewed", At(3, 9)),
            Track("ada", "team.member_invited", At(3, 11)),
            Track("ben", "team.member_invited", At(4, 10)),
            Track("cy", "session.started", At(5, 10)),
        ]).Events;
        var replay = BacktestReplay.Run(PqlDefinition.Default, events, SubjectLevel.User);
        var conversions = new ConversionLedger([("ada", At(13, 11)), ("ben", At(20, 9))]);
        return BacktestReport.Build(replay, conversions, new BacktestWindow(At(1, 0), At(30, 0), TimeSpan.FromDays(60)));
    }

    [Fact]
    public void TheReportFlagsAtTheHighestTierByDefault()
    {
        var report = Report();
        Assert.Equal(("sales_ready", 80.0), (report.QualifyingTier, report.QualifyingScore));
        Assert.Equal((3, 1, 2), (report.Metrics.Active, report.Metrics.Flagged, report.Metrics.Converters));
        Assert.Equal((1.0, 0.5, 10.0), (report.Metrics.Precision, report.Metrics.Recall, report.Metrics.MedianLeadTimeDays!.Value));
    }

    [Fact]
    public void AnUnknownTierIsRefusedWithTheTiersThatExist()
    {
        var replay = BacktestReplay.Run(PqlDefinition.Default, [], SubjectLevel.User);
        var error = Assert.Throws<ArgumentException>(() => BacktestReport.Build(replay, new ConversionLedger([]), new BacktestWindow(At(1, 0), At(2, 0), TimeSpan.FromDays(1)), "platinum"));
        Assert.Contains("warm, hot, sales_ready", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesTheHeadlineMetricsScriptsRelyOn()
    {
        using var json = JsonDocument.Parse(BacktestJson.Serialize(Report()));
        var root = json.RootElement;
        Assert.Equal(1.0 / 3, root.GetProperty("pqlRate").GetDouble(), 12);
        Assert.Equal(1.0, root.GetProperty("precision").GetDouble());
        Assert.Equal(0.5, root.GetProperty("recall").GetDouble());
        Assert.Equal(10.0, root.GetProperty("medianLeadTimeDays").GetDouble());
        Assert.True(root.GetProperty("sweep").GetArrayLength() > 10);
        Assert.Equal("sales_ready", root.GetProperty("byTier")[0].GetProperty("tier").GetString());
    }

    [Fact]
    public void TheHtmlReportIsSelfContainedWithBothCharts()
    {
        var html = BacktestHtml.Render(Report());
        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        Assert.Contains("<rect", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTerminalTableLeadsWithTheHeadlineNumbers()
    {
        using var output = new StringWriter();
        BacktestText.Write(Report(), output);
        var text = output.ToString();
        Assert.Contains("precision              100.0%", text, StringComparison.Ordinal);
        Assert.Contains("lead time median       10.0 days", text, StringComparison.Ordinal);
    }
}

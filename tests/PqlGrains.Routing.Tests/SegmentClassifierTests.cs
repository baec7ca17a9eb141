using PqlGrains.Routing.Enrichment;
using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Tests;

public sealed class SegmentClassifierTests
{
    private static Firmographics Company(int? employees = null, decimal? arr = null) => new(null, employees, null, null, null, arr, "test");

    [Theory]
    [InlineData(50, null, Segment.Enterprise)]
    [InlineData(49, null, Segment.Smb)]
    [InlineData(10, 50_001d, Segment.Enterprise)]
    [InlineData(10, 50_000d, Segment.Smb)]
    [InlineData(null, null, Segment.Smb)]
    public void Fifty_employees_or_arr_above_fifty_thousand_is_enterprise(int? employees, double? arr, Segment expected)
    {
        var classification = SegmentClassifier.Classify(Company(employees, (decimal?)arr), SegmentThresholds.Default);

        Assert.Equal(expected, classification.Segment);
        Assert.Equal(expected == Segment.Enterprise ? RepRole.AE : RepRole.SDR, classification.FirstRole);
    }

    [Fact]
    public void Thresholds_come_from_the_routing_file()
    {
        var stricter = new SegmentThresholds(200, 250_000m);

        Assert.Equal(Segment.Smb, SegmentClassifier.Classify(Company(120, 100_000m), stricter).Segment);
        Assert.Equal(Segment.Enterprise, SegmentClassifier.Classify(Company(200), stricter).Segment);
    }

    [Fact]
    public void Reason_names_the_deciding_fact()
    {
        Assert.Contains("$75,000", SegmentClassifier.Classify(Company(5, 75_000m), SegmentThresholds.Default).Reason);
        Assert.Contains("no size known", SegmentClassifier.Classify(null, SegmentThresholds.Default).Reason);
    }
}

using System.Globalization;
using PqlGrains.Routing.Model;

namespace PqlGrains.Routing.Enrichment;

/// <summary>Enterprise (AE) when employees reach the threshold or estimated ARR exceeds it; otherwise SMB (SDR first).</summary>
public static class SegmentClassifier
{
    public static SegmentClassification Classify(Firmographics? firmographics, SegmentThresholds thresholds)
    {
        if (firmographics?.Employees is { } employees && employees >= thresholds.EnterpriseMinEmployees)
        {
            return new(Segment.Enterprise, RepRole.AE, $"{employees} employees (enterprise from {thresholds.EnterpriseMinEmployees})");
        }

        if (firmographics?.EstimatedArr is { } arr && arr > thresholds.EnterpriseArrAbove)
        {
            return new(Segment.Enterprise, RepRole.AE, $"estimated ARR {Dollars(arr)} (enterprise above {Dollars(thresholds.EnterpriseArrAbove)})");
        }

        var known = new List<string>();
        if (firmographics?.Employees is { } few) known.Add($"{few} employees");
        if (firmographics?.EstimatedArr is { } small) known.Add($"estimated ARR {Dollars(small)}");
        return new(Segment.Smb, RepRole.SDR, known.Count == 0 ? "no size known, SMB until enrichment says otherwise" : string.Join(", ", known) + " (SMB)");
    }

    private static string Dollars(decimal amount) => amount.ToString("$#,0", CultureInfo.InvariantCulture);
}

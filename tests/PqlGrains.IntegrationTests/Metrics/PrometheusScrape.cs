using System.Globalization;

namespace PqlGrains.IntegrationTests.Metrics;

/// <summary>The samples of one Prometheus text-format scrape: <c>name{labels} value</c> lines, comments skipped.</summary>
internal sealed class PrometheusScrape
{
    private readonly List<(string Name, string Labels, double Value)> _samples;

    private PrometheusScrape(string text, List<(string Name, string Labels, double Value)> samples)
    {
        Text = text;
        _samples = samples;
    }

    public string Text { get; }

    public static PrometheusScrape Parse(string text)
    {
        var samples = new List<(string, string, double)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var labelsAt = line.IndexOf('{', StringComparison.Ordinal);
            var valueAt = line.LastIndexOf(' ');
            var name = labelsAt >= 0 && labelsAt < valueAt ? line[..labelsAt] : line[..valueAt];
            var labels = labelsAt >= 0 && labelsAt < valueAt ? line[labelsAt..valueAt] : string.Empty;
            samples.Add((name, labels, double.Parse(line[(valueAt + 1)..], CultureInfo.InvariantCulture)));
        }

        return new PrometheusScrape(text, samples);
    }

    /// <summary>Whether any sample of the series exists.</summary>
    public bool Has(string name) => _samples.Exists(sample => sample.Name == name);

    /// <summary>The sum of the series' samples whose labels contain every one of <paramref name="labels"/> (e.g. <c>reason="invalid"</c>).</summary>
    public double Sum(string name, params string[] labels) =>
        _samples.Where(sample => sample.Name == name && labels.All(label => sample.Labels.Contains(label, StringComparison.Ordinal))).Sum(sample => sample.Value);
}

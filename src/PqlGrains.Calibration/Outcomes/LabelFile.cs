using System.Globalization;
using PqlGrains.Calibration.Fitting;

namespace PqlGrains.Calibration.Outcomes;

/// <summary>
/// Writes the training labels a calibration used, one snapshot per line, so a team can audit what the
/// model learnt from: <c>user_id,cut_off,label,source</c> with label 1/0 and source
/// conversion, good, not_a_fit or none.
/// </summary>
public static class LabelFile
{
    public const string Header = "user_id,cut_off,label,source";

    public static string SourceName(LabelSource source) => source switch
    {
        LabelSource.Conversion => "conversion",
        LabelSource.GoodFeedback => "good",
        LabelSource.NotAFitFeedback => "not_a_fit",
        _ => "none",
    };

    public static async Task WriteAsync(string path, IEnumerable<CalibrationSample> samples, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(path);
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken);
        foreach (var sample in samples)
        {
            var line = string.Join(
                ',',
                sample.SubjectId,
                sample.CutOff.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                sample.Converted ? "1" : "0",
                SourceName(sample.Source));
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
    }
}

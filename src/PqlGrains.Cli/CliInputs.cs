using System.Globalization;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Cli;

/// <summary>Reading the inputs several commands share: definitions, durations, event files.</summary>
internal static class CliInputs
{
    public static PqlDefinition LoadDefinition(FileInfo? file)
    {
        if (file is null)
        {
            return PqlDefinition.Default;
        }

        if (!file.Exists)
        {
            throw new FileNotFoundException($"The definition file {file.FullName} does not exist.", file.FullName);
        }

        return PqlDefinition.LoadFile(file.FullName).GetDefinitionOrThrow();
    }

    /// <summary>Parses 60d, 12h, 30m or 45s.</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            switch (trimmed[^1])
            {
                case 'd': return TimeSpan.FromDays(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 's': return TimeSpan.FromSeconds(amount);
            }
        }

        throw new ArgumentException($"{option} '{text}' is not a duration; write a positive number with d, h, m or s, e.g. 60d.");
    }

    public static void ReportRejections(EventHistory history, TextWriter error)
    {
        if (history.Rejections.Count == 0)
        {
            return;
        }

        error.WriteLine($"{history.Rejections.Count} messages in the events file were skipped as invalid; the first ones:");
        foreach (var rejection in history.Rejections.Take(5))
        {
            error.WriteLine("  " + rejection.Error);
        }
    }
}

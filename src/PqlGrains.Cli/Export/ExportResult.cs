using PqlGrains.Calibration.Outcomes;
using PqlGrains.Calibration.Replay;

namespace PqlGrains.Cli.Export;

/// <summary>What <c>pql export</c> wrote, and what it had to leave out or guess (one sentence each).</summary>
internal sealed record ExportResult(
    string FeedbackPath,
    IReadOnlyList<FeedbackRecord> Feedback,
    string ConversionsPath,
    IReadOnlyList<ConversionRecord> Conversions,
    IReadOnlyList<string> Warnings);

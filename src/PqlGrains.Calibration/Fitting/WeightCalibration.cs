using System.Globalization;
using System.Text;
using PqlGrains.Calibration.Metrics;
using PqlGrains.Calibration.Outcomes;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Calibration.Fitting;

/// <summary>
/// Refits a definition's user-signal points to past conversions:
/// <list type="number">
/// <item>split the history in time: training before <c>Split</c>, validation after;</item>
/// <item>features = per-signal decayed points from the base definition at weekly cut-offs of the
/// training period, labels = converted within the label window (cut-off + window stays before the split);</item>
/// <item>fit an L2-penalised logistic regression (Math.NET L-BFGS); a signal's new points are
/// proportional to its fitted log-odds at full strength (coefficient x base points), negative
/// ones drop to 0;</item>
/// <item>replay the training period with the candidate to find the score threshold that meets the
/// target, then scale all points so that threshold lands on the qualifying (highest) tier;</item>
/// <item>replay everything under both definitions and judge them on the validation period, the
/// base at its own threshold and at the threshold giving the same PQL rate as the candidate.</item>
/// </list>
/// </summary>
public static class WeightCalibration
{
    private const double SweepStep = 0.5;

    public static CalibrationOutcome Run(CalibrationRequest request)
    {
        request.Target.Validate();
        var baseDefinition = PqlDefinition.Load(request.BaseYaml, request.BaseSource).GetDefinitionOrThrow();
        var events = request.History.Events;
        if (events.Count == 0)
        {
            throw new ArgumentException("The events file holds no valid events to calibrate on.");
        }

        var first = request.History.First;
        var last = request.History.Last;
        var split = request.Split ?? new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero).AddDays(Math.Round((last - first).TotalDays * 2 / 3));
        if (split <= first || split >= last)
        {
            throw new ArgumentException($"--split {split:yyyy-MM-dd} must fall inside the history ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}).");
        }

        var training = new BacktestWindow(first, split.AddTicks(-1), request.Horizon);
        var validation = new BacktestWindow(split, last, request.Horizon);
        var ledger = ConversionFile.ToLedger(request.Conversions, SubjectLevel.User);
        var cutOffs = CutOffs(first, split, request.LabelWindow, request.CutOffEvery);
        var labels = new TrainingLabels(ledger, request.Feedback);
        var trainingSet = FeatureSnapshots.Collect(baseDefinition, events, labels, cutOffs, request.LabelWindow);
        var model = PenalizedLogisticRegression.Fit(trainingSet.Samples, request.Penalty);

        var signals = baseDefinition.Signals;
        var strength = signals.Select((s, i) => Math.Max(0, model.Coefficients[i]) * s.Points).ToArray();
        if (strength.All(v => v <= 0))
        {
            throw new ArgumentException("No signal of the base definition predicts conversion in the training period, so there is nothing to weight; check the conversions file or add signals.");
        }

        var qualifying = baseDefinition.Tiers[^1];
        var provisional = signals.Select((s, i) => (s.Id, Points: Math.Round(strength[i] * 100 / strength.Max(), 2))).ToDictionary(p => p.Id, p => p.Points, StringComparer.Ordinal);
        var version = request.Version ?? DefinitionRewrite.NextVersion(baseDefinition.Version);
        var candidate = Load(DefinitionRewrite.Rewrite(request.BaseYaml, version, provisional, 1.0, "candidate"), request.BaseSource);
        var trainingEvents = events.TakeWhile(e => e.Timestamp < split).ToList();
        var trainingReplay = BacktestReplay.Run(candidate, trainingEvents, SubjectLevel.User);
        // The target holds per period as long as the validation period, so the threshold is chosen on
        // the same length of time just before the split (a 60-day window flags more people than a 30-day one).
        var thresholdWindow = new BacktestWindow(Max(first, split - (last - split)), training.To, request.Horizon);
        var (threshold, trainingMetrics) = ChooseThreshold(trainingReplay, labels.Outcomes, thresholdWindow, request.Target);

        var scale = qualifying.MinScore / threshold;
        var calibratedPoints = signals
            .Select((s, i) => (s.Id, Points: strength[i] <= 0 ? 0 : Math.Max(1, Math.Round(provisional[s.Id] * scale))))
            .ToDictionary(p => p.Id, p => p.Points, StringComparer.Ordinal);
        var weights = signals.Select((s, i) => new WeightChange(s.Id, s.Points, calibratedPoints[s.Id], model.Coefficients[i])).ToList();

        var calibratedYamlDraft = DefinitionRewrite.Rewrite(request.BaseYaml, version, calibratedPoints, 1.0, "draft");
        var calibrated = Load(calibratedYamlDraft, request.BaseSource);
        var calibratedReplay = BacktestReplay.Run(calibrated, events, SubjectLevel.User);
        var baseReplay = BacktestReplay.Run(baseDefinition, events, SubjectLevel.User);
        var active = baseReplay.ActiveIn(validation);
        var calibratedMetrics = QualificationMetrics.Compute(active, calibratedReplay.FlagsAt(qualifying.MinScore), ledger, validation);
        var baseShipped = QualificationMetrics.Compute(active, baseReplay.FlagsAt(qualifying.MinScore), ledger, validation);
        var (baseThreshold, baseSameRate) = AtRate(baseReplay, active, ledger, validation, calibratedMetrics.PqlRate, qualifying.MinScore);

        var outcome = new CalibrationOutcome(string.Empty, string.Empty, version, model, trainingSet, training, validation, thresholdWindow, trainingMetrics, calibratedMetrics, baseSameRate, baseThreshold, baseShipped, weights);
        var summary = Header(request, baseDefinition, outcome, events.Count, qualifying);
        var yaml = DefinitionRewrite.Rewrite(request.BaseYaml, version, calibratedPoints, 1.0, summary);
        Load(yaml, request.BaseSource);
        return outcome with { Yaml = yaml, Summary = summary };
    }

    internal static IReadOnlyList<DateTimeOffset> CutOffs(DateTimeOffset first, DateTimeOffset split, TimeSpan labelWindow, TimeSpan every)
    {
        var cutOffs = new List<DateTimeOffset>();
        for (var cutOff = new DateTimeOffset(first.UtcDateTime.Date, TimeSpan.Zero).AddDays(14); cutOff + labelWindow <= split; cutOff += every)
        {
            cutOffs.Add(cutOff);
        }

        if (cutOffs.Count == 0)
        {
            throw new ArgumentException($"The training period ({first:yyyy-MM-dd} to {split:yyyy-MM-dd}) is too short for a 14-day warm-up plus a {labelWindow.TotalDays:0}-day label window; use a longer history, a later --split or a shorter --label-window.");
        }

        return cutOffs;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static (double Threshold, QualificationMetrics Metrics) ChooseThreshold(ReplayResult replay, ConversionLedger ledger, BacktestWindow training, CalibrationTarget target)
    {
        var active = replay.ActiveIn(training);
        var trajectories = replay.Subjects.ToDictionary(s => s.Key, s => s.Value.Trajectory, StringComparer.Ordinal);
        var top = replay.Subjects.Values.Select(s => s.Trajectory.Highest).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var sweep = ThresholdPoint.Sweep(active, trajectories, ledger, training, Grid(top));
        if (target.PqlRate is { } rate)
        {
            var closest = sweep.MinBy(p => Math.Abs(p.Metrics.PqlRate - rate))!;
            return (closest.Threshold, closest.Metrics);
        }

        var chosen = sweep.FirstOrDefault(p => p.Metrics.Flagged > 0 && p.Metrics.Precision >= target.Precision)
            ?? sweep.Where(p => p.Metrics.Flagged > 0).MaxBy(p => p.Metrics.Precision)
            ?? throw new ArgumentException("No threshold flags anyone in the training period; the history is too small to calibrate.");
        return (chosen.Threshold, chosen.Metrics);
    }

    private static (double Threshold, QualificationMetrics Metrics) AtRate(ReplayResult replay, IReadOnlyCollection<string> active, ConversionLedger ledger, BacktestWindow window, double rate, double fallback)
    {
        var top = Math.Max(fallback * 4, replay.Subjects.Values.Select(s => s.Trajectory.Highest).Where(double.IsFinite).DefaultIfEmpty(0).Max());
        var trajectories = replay.Subjects.ToDictionary(s => s.Key, s => s.Value.Trajectory, StringComparer.Ordinal);
        var best = ThresholdPoint.Sweep(active, trajectories, ledger, window, Grid(top)).MinBy(p => Math.Abs(p.Metrics.PqlRate - rate))!;
        return (best.Threshold, best.Metrics);
    }

    private static IEnumerable<double> Grid(double top)
    {
        for (var threshold = SweepStep; threshold <= top + SweepStep; threshold += SweepStep)
        {
            yield return threshold;
        }
    }

    private static PqlDefinition Load(string yaml, string source)
    {
        var result = PqlDefinition.Load(yaml, source + " (calibrated)");
        return result.Definition ?? throw new InvalidOperationException(
            "The calibrated definition does not validate: " + string.Join("; ", result.Errors.Select(e => e.ToString())) + ". Keep the base file's signals in block style (points on their own line).");
    }

    private static string Header(CalibrationRequest request, PqlDefinition baseDefinition, CalibrationOutcome outcome, int eventCount, Tier qualifying)
    {
        static string M(QualificationMetrics m) => string.Create(
            CultureInfo.InvariantCulture,
            $"PQL rate {P(m.PqlRate)}, precision {P(m.Precision)}, recall {P(m.Recall)}, median lead {(m.MedianLeadTimeDays is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + " days" : "n/a")}, lift {m.Lift:0.00}x");
        static string P(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"Calibrated by `pql calibrate` from definition '{baseDefinition.Id}' version {baseDefinition.Version} ({Path.GetFileName(request.BaseSource)}).");
        text.AppendLine(inv, $"Data window: {outcome.Training.From:yyyy-MM-dd HH:mm} to {outcome.Validation.To:yyyy-MM-dd HH:mm} UTC, {eventCount} events, {request.Conversions.Count} conversions.");
        text.AppendLine(inv, $"Training: {outcome.Training.From:yyyy-MM-dd} to {outcome.Validation.From:yyyy-MM-dd}; {outcome.TrainingSamples} user snapshots at {request.CutOffEvery.TotalDays:0}-day cut-offs, {outcome.TrainingPositives} converted within {request.LabelWindow.TotalDays:0} days;");
        if (request.Feedback.Count > 0)
        {
            var sources = outcome.TrainingSet.Samples.CountBy(s => s.Source).ToDictionary();
            text.AppendLine(inv, $"  labels with {request.Feedback.Count} rep verdicts: {sources.GetValueOrDefault(LabelSource.Conversion)} positive by conversion, {sources.GetValueOrDefault(LabelSource.GoodFeedback)} by a good lead,");
            text.AppendLine(inv, $"  {sources.GetValueOrDefault(LabelSource.NotAFitFeedback)} negative confirmed by not_a_fit, {outcome.TrainingSet.LeftOutTooEarly} left out as too_early;");
        }

        text.AppendLine(inv, $"  L2-penalised logistic regression (penalty {request.Penalty}, Math.NET L-BFGS, {outcome.Model.Iterations} iterations); threshold chosen for {request.Target}");
        text.AppendLine(inv, $"  over {outcome.ThresholdWindow.From:yyyy-MM-dd} to {outcome.Validation.From:yyyy-MM-dd} (as long as the validation period): {M(outcome.TrainingAtThreshold)}.");
        text.AppendLine(inv, $"Validation: {outcome.Validation.From:yyyy-MM-dd} to {outcome.Validation.To:yyyy-MM-dd}, users, horizon {request.Horizon.TotalDays:0} days, flag = first reached '{qualifying.Name}' ({qualifying.MinScore}):");
        text.AppendLine(inv, $"  this version:                {M(outcome.Calibrated)}");
        text.AppendLine(inv, $"  base at the same PQL rate:   {M(outcome.BaseAtSameRate)} (threshold {outcome.BaseThresholdAtSameRate})");
        text.AppendLine(inv, $"  base as shipped:             {M(outcome.BaseAsShipped)}");
        text.AppendLine("Weights (points: base -> this version; fitted log-odds per base point):");
        foreach (var weight in outcome.Weights)
        {
            text.AppendLine(inv, $"  {weight.SignalId,-22} {weight.BasePoints,5} -> {weight.CalibratedPoints,-5} ({weight.Coefficient:+0.0000;-0.0000})");
        }

        text.Append("Account signals and tiers are unchanged.");
        return text.ToString();
    }
}

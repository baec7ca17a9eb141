using System.CommandLine;
using System.Diagnostics;
using PqlGrains.Calibration.Fitting;
using PqlGrains.Calibration.Outcomes;
using PqlGrains.Calibration.Replay;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Cli.Commands;

internal static class CalibrateCommand
{
    public static Command Create()
    {
        var events = new Option<FileInfo>("--events") { Description = "Segment NDJSON file of past events.", Required = true };
        var conversions = new Option<FileInfo[]>("--conversions") { Description = "CSV with header user_id,account_id,converted_at,amount (pql simulate or pql export); repeat to combine files.", Required = true };
        var feedback = new Option<FileInfo[]>("--feedback") { Description = "Rep verdicts on leads (feedback.ndjson from pql export); good counts as a positive outcome, not_a_fit as a negative, too_early leaves the snapshot out. Repeatable." };
        var labels = new Option<FileInfo?>("--labels") { Description = "Also write the training labels used (CSV user_id,cut_off,label,source)." };
        var baseFile = new Option<FileInfo?>("--base") { Description = "Definition YAML to start from (default: the shipped default)." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the calibrated definition YAML.", Required = true };
        var targetRate = new Option<double?>("--target-rate") { Description = "Share of active users to flag in the training period, e.g. 0.15." };
        var targetPrecision = new Option<double?>("--target-precision") { Description = "Lowest threshold whose training precision reaches this, e.g. 0.35." };
        var split = new Option<DateTimeOffset?>("--split") { Description = "Start of the validation period (default: two thirds into the history)." };
        var horizon = new Option<string>("--horizon") { Description = "Precision horizon for the validation metrics.", DefaultValueFactory = _ => "60d" };
        var labelWindow = new Option<string>("--label-window") { Description = "A training snapshot counts as converting when the user converts within this time.", DefaultValueFactory = _ => "21d" };
        var penalty = new Option<double>("--penalty") { Description = "L2 penalty on standardised coefficients.", DefaultValueFactory = _ => 1.0 };
        var version = new Option<string?>("--version") { Description = "Version of the new definition (default: the base version + 1)." };
        var command = new Command("calibrate", "Fit signal points to past conversions and write a new definition version with its validation metrics.")
        {
            events, conversions, feedback, labels, baseFile, output, targetRate, targetPrecision, split, horizon, labelWindow, penalty, version,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var console = parseResult.InvocationConfiguration;
            try
            {
                var basePath = parseResult.GetValue(baseFile);
                if (basePath is { Exists: false })
                {
                    throw new FileNotFoundException($"The base definition {basePath.FullName} does not exist.", basePath.FullName);
                }

                var baseYaml = basePath is null ? PqlDefinition.DefaultYaml : await File.ReadAllTextAsync(basePath.FullName, cancellationToken);
                var stopwatch = Stopwatch.StartNew();
                var history = await EventHistory.LoadAsync(parseResult.GetRequiredValue(events).FullName, cancellationToken);
                CliInputs.ReportRejections(history, console.Error);
                var request = new CalibrationRequest(
                    baseYaml,
                    basePath?.FullName ?? "default.yaml",
                    history,
                    [.. parseResult.GetRequiredValue(conversions).SelectMany(file => ConversionFile.Read(file.FullName))],
                    new CalibrationTarget(parseResult.GetValue(targetRate), parseResult.GetValue(targetPrecision)))
                {
                    Split = parseResult.GetValue(split),
                    Horizon = CliInputs.ParseDuration(parseResult.GetValue(horizon)!, "--horizon"),
                    LabelWindow = CliInputs.ParseDuration(parseResult.GetValue(labelWindow)!, "--label-window"),
                    Penalty = parseResult.GetValue(penalty),
                    Version = parseResult.GetValue(version),
                    Feedback = [.. (parseResult.GetValue(feedback) ?? []).SelectMany(file => FeedbackFile.Read(file.FullName))],
                };
                var outcome = WeightCalibration.Run(request);
                var target = parseResult.GetRequiredValue(output);
                await File.WriteAllTextAsync(target.FullName, outcome.Yaml, cancellationToken);
                console.Output.WriteLine(outcome.Summary);
                if (parseResult.GetValue(labels) is { } labelsFile)
                {
                    await LabelFile.WriteAsync(labelsFile.FullName, outcome.TrainingSet.Samples, cancellationToken);
                    console.Output.WriteLine($"Training labels written to {labelsFile.FullName}.");
                }

                console.Output.WriteLine();
                console.Output.WriteLine($"Definition version {outcome.Version} written to {target.FullName} in {stopwatch.Elapsed.TotalSeconds:F1} s.");
                console.Output.WriteLine($"Validation precision at the same PQL rate: {outcome.Calibrated.Precision * 100:0.0}% (calibrated) vs {outcome.BaseAtSameRate.Precision * 100:0.0}% (base).");
                return 0;
            }
            catch (Exception error) when (error is ArgumentException or FormatException or IOException or InvalidDefinitionException or InvalidOperationException)
            {
                console.Error.WriteLine(error.Message);
                return 2;
            }
        });
        return command;
    }
}

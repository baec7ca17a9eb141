using System.CommandLine;
using System.Globalization;
using PqlGrains.Cli.Scoring;
using PqlGrains.Segment;
using PqlGrains.Scoring.Definitions;
using PqlGrains.Scoring.Events;

namespace PqlGrains.Cli.Commands;

/// <summary>
/// <c>pql score --events FILE.ndjson [--definition FILE] [--at TIME] [--json]</c>: scores every
/// user and account in a Segment NDJSON file. Without --at, the score is taken at the latest event's
/// time, so the same file always prints the same scores (the wall clock is never read).
/// </summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var definitionOption = new Option<FileInfo?>("--definition") { Description = "The PQL definition file; the shipped default when omitted." };
        var eventsOption = new Option<FileInfo>("--events") { Description = "Segment messages, one JSON object per line.", Required = true };
        var atOption = new Option<string?>("--at") { Description = "Score at this ISO 8601 time (events after it are ignored); default: the latest event's time." };
        var jsonOption = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var command = new Command("score", "Score every user and account in an events file and explain each score.");
        command.Options.Add(definitionOption);
        command.Options.Add(eventsOption);
        command.Options.Add(atOption);
        command.Options.Add(jsonOption);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var definition = LoadDefinition(parseResult.GetValue(definitionOption), error);
            if (definition is null)
            {
                return 1;
            }

            var eventsFile = parseResult.GetValue(eventsOption)!;
            if (!eventsFile.Exists)
            {
                error.WriteLine($"{eventsFile}: file not found; pass --events with a Segment NDJSON file");
                return 1;
            }

            DateTimeOffset? at = null;
            if (parseResult.GetValue(atOption) is { } atText)
            {
                if (!DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    error.WriteLine($"--at '{atText}' is not a time; use ISO 8601 such as 2026-03-02T12:00:00Z");
                    return 1;
                }

                at = parsed;
            }

            var events = new List<ScoringEvent>();
            var rejected = 0;
            await using (var stream = eventsFile.OpenRead())
            {
                await foreach (var record in SegmentNdjsonReader.ReadAsync(stream, cancellationToken))
                {
                    if (record.Event is { } scoringEvent)
                    {
                        events.Add(scoringEvent);
                    }
                    else
                    {
                        rejected++;
                        error.WriteLine($"{eventsFile}: {record.Rejection?.Error}");
                    }
                }
            }

            if (events.Count == 0)
            {
                error.WriteLine($"{eventsFile}: no valid events to score");
                return 1;
            }

            var scored = ScoreRun.Score(definition, events, at ?? events.Max(e => e.Timestamp));
            if (parseResult.GetValue(jsonOption))
            {
                using var buffer = new MemoryStream();
                ScoreReportWriter.WriteJson(buffer, scored);
                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                ScoreReportWriter.WriteText(output, scored);
            }

            return rejected == 0 ? 0 : 2;
        });
        return command;
    }

    private static PqlDefinition? LoadDefinition(FileInfo? file, TextWriter error)
    {
        if (file is null)
        {
            return PqlDefinition.Default;
        }

        if (!file.Exists)
        {
            error.WriteLine($"{file}: file not found; pass --definition with a definition YAML file, or omit it for the shipped default");
            return null;
        }

        var result = PqlDefinition.LoadFile(file.ToString());
        foreach (var diagnostic in result.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        return result.Definition;
    }
}

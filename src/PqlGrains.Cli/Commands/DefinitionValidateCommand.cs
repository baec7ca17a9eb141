using System.CommandLine;
using PqlGrains.Scoring.Definitions;

namespace PqlGrains.Cli.Commands;

/// <summary>
/// <c>pql definition validate FILE</c>: exit 0 when the definition compiles, 1 otherwise. Errors and
/// warnings go to stderr as <c>file:line:col: field: message</c>, like a compiler.
/// </summary>
internal static class DefinitionValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The definition file (YAML)." };
        var command = new Command("validate", "Check a PQL definition file and print every error with its line, column and field.");
        command.Arguments.Add(file);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                error.WriteLine($"{path}: file not found; pass the path of a definition YAML file");
                return 1;
            }

            var result = PqlDefinition.LoadFile(path.ToString());
            foreach (var diagnostic in result.Diagnostics)
            {
                error.WriteLine(diagnostic.ToString());
            }

            if (result.Definition is not { } definition)
            {
                error.WriteLine($"{path}: invalid ({result.Errors.Count()} error(s))");
                return 1;
            }

            output.WriteLine($"{path}: valid: '{definition.Id}' version {definition.Version}, {definition.Signals.Count} signals, " +
                             $"{definition.Account.Signals.Count} account signals, tiers {string.Join(" / ", definition.Tiers.Select(t => $"{t.Name} >= {t.MinScore}"))}" +
                             (result.Warnings.Any() ? $", {result.Warnings.Count()} warning(s)" : ""));
            return 0;
        });
        return command;
    }
}

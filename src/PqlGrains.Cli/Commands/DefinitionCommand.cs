using System.CommandLine;

namespace PqlGrains.Cli.Commands;

/// <summary><c>pql definition ...</c>: work with PQL definition files.</summary>
internal static class DefinitionCommand
{
    public static Command Create()
    {
        var command = new Command("definition", "Work with PQL definition files.");
        command.Subcommands.Add(DefinitionValidateCommand.Create());
        return command;
    }
}

using System.CommandLine;
using PqlGrains.Cli.Commands;

namespace PqlGrains.Cli;

/// <summary>The top-level commands of <c>pql</c>; add a line here when a command is added.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return DbCommand.Create();
        yield return DefinitionCommand.Create();
        yield return ScoreCommand.Create();
        yield return LoadCommand.Create();
        yield return SimulateCommand.Create();
        yield return BacktestCommand.Create();
        yield return CalibrateCommand.Create();
        yield return ExportCommand.Create();
    }
}

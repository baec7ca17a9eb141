using System.CommandLine;
using PqlGrains.Cli;

// Each command lives in its own file under Commands/ and exposes a static Create() factory.
var root = new RootCommand("pql: PqlGrains command line (definitions, scoring, backtests, load)");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();

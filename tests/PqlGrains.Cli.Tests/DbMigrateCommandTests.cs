using System.CommandLine;
using PqlGrains.Cli.Commands;

namespace PqlGrains.Cli.Tests;

public sealed class DbMigrateCommandTests
{
    [Fact]
    public async Task Migrate_without_a_connection_string_fails_and_says_where_to_give_one()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { DbCommand.Create() };

        var exitCode = await root.Parse(["db", "migrate", "--connection", " "])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        Assert.Equal(2, exitCode);
        Assert.Contains("--connection", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Pql", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_server_fails_naming_the_problem()
    {
        var error = new StringWriter();
        var root = new RootCommand { DbCommand.Create() };

        var exitCode = await root.Parse(["db", "migrate", "--connection", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2"])
            .InvokeAsync(new InvocationConfiguration { Output = new StringWriter(), Error = error });

        Assert.Equal(1, exitCode);
        Assert.Contains("Could not migrate the database", error.ToString(), StringComparison.Ordinal);
    }
}

using System.CommandLine;

namespace PqlGrains.Cli.Tests;

/// <summary>Runs <c>pql</c> in process with captured output, and writes scratch files.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pql-cli-tests-");

    public string WriteFile(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A path in the scratch directory, for files a command writes.</summary>
    public string PathOf(string name) => Path.Combine(_directory.FullName, name);

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand("pql");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

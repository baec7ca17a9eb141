namespace PqlGrains.Integrations.Tests.Fakes;

/// <summary>Finds ../shared beside the repository (CI clones the repo with shared/ next to it).</summary>
internal static class SharedFiles
{
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "PqlGrains.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new InvalidOperationException($"No PqlGrains.sln above {AppContext.BaseDirectory}; run the tests from a clone of the repository with shared/ beside it.");
        }

        var path = System.IO.Path.Combine([directory.Parent.FullName, "shared", .. parts]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared file {path} is missing; clone the shared material beside the repository.", path);
    }
}

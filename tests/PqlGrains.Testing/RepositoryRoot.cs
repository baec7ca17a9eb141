namespace PqlGrains.Testing;

/// <summary>
/// The checkout's root (the directory holding PqlGrains.sln), found from the test's binaries, and
/// the shared material beside it (CI clones the repository with shared/ next to it). Test projects
/// that must not depend on Orleans compile this file in by link rather than referencing this project.
/// </summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file under ../shared beside the repository; fails naming the path when it is missing.</summary>
    public static string SharedFile(params string[] parts)
    {
        var path = System.IO.Path.GetFullPath(System.IO.Path.Combine([Path, "..", "shared", .. parts]));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Shared file {path} is missing: clone the shared material beside the repository.", path);
    }

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "PqlGrains.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PqlGrains.sln above {AppContext.BaseDirectory}: run the tests from a PqlGrains checkout.");
    }
}

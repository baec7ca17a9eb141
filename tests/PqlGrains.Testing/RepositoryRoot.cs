namespace PqlGrains.Testing;

/// <summary>The checkout's root (the directory holding PqlGrains.sln), found from the test's binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

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

namespace PqlGrains.Scoring.Tests;

internal static class RepositoryPaths
{
    /// <summary>The repository root: the directory holding PqlGrains.sln above the test binaries.</summary>
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "PqlGrains.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No PqlGrains.sln above {AppContext.BaseDirectory}; run the tests from inside the repository.");
        }
    }
}

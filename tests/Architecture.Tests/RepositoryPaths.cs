namespace MultiModel.Architecture.Tests;

/// <summary>Paths in this repository, found from the test's output folder upwards.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MultiModel.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"MultiModel.sln not found above {AppContext.BaseDirectory}.");
    }
}

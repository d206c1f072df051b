namespace MultiModel.Deploy.Tests;

/// <summary>Finds files of the repository from the test binaries' folder, wherever the clone is.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MultiModel.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"MultiModel.sln not found above {AppContext.BaseDirectory}.");
    }
}

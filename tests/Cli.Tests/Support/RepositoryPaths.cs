namespace MultiModel.Cli.Tests.Support;

/// <summary>Files of the repository the tests run from, found by walking up from the test assembly.</summary>
public static class RepositoryPaths
{
    public static string Of(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MultiModel.sln")))
            {
                return Path.Combine(directory.FullName, relative);
            }
        }

        throw new InvalidOperationException($"MultiModel.sln not found above {AppContext.BaseDirectory}");
    }
}

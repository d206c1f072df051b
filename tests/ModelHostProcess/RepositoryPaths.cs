namespace MultiModel.ModelHostProcess;

/// <summary>Where the repository and the host's build are, seen from a test or benchmark assembly inside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The build configuration of the running assembly (its output folder is bin/{Configuration}/net10.0).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MultiModel.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("MultiModel.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The ModelHost built in the same configuration as the caller (the project reference builds it first).</summary>
    public static string ModelHostDll() => Path.Combine(Root(), "src", "ModelHost", "bin", Configuration, "net10.0", "ModelHost.dll");
}

using System.Reflection;

namespace MultiModel.TestSupport;

/// <summary>Paths in the clone these helpers were built from (scripts, sources, another project's build output).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The configuration the running tests were built in (Debug, Release): their folder is bin/{configuration}/net10.0.</summary>
    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <param name="relativePath">From the repository root, with forward slashes, e.g. <c>tests/infra/radosgw</c>.</param>
    public static string Of(string relativePath) => Path.Combine(Root, relativePath);
}

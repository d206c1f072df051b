using System.Reflection;

namespace MultiModel.Architecture.Tests;

/// <summary>Paths in the clone these tests were built from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Of(string relativePath) => Path.Combine(Root, relativePath);
}

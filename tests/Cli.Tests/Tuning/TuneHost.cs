using MultiModel.Cli.Tuning;
using MultiModel.TestSupport;

namespace MultiModel.Cli.Tests.Tuning;

/// <summary>What tune's tests that start hosts need: the host build of this configuration, and why they cannot run here.</summary>
internal static class TuneHost
{
    /// <summary>The build configuration of this test assembly (its output folder is bin/{Configuration}/net10.0).</summary>
    public static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The ModelHost built with this project (a project reference builds it first).</summary>
    public static readonly string Dll = RepositoryPaths.Of($"src/ModelHost/bin/{Configuration}/net10.0/ModelHost.dll");

    /// <summary>The tool itself, to run as its own process (for Ctrl-C).</summary>
    public static readonly string ToolDll = RepositoryPaths.Of($"src/Cli/bin/{Configuration}/net10.0/multimodel.dll");

    /// <summary>Null when tune can run here; otherwise the reason a test skips.</summary>
    public static string? Unavailable() => SizedHost.Unavailable() is { } why ? $"tune needs writable cgroup v1 memory and cpu controllers: {why}" : null;

    /// <summary>The tune's cgroup folders of process <paramref name="pid"/> still there, under both controllers.</summary>
    public static IReadOnlyList<string> CgroupsOf(int pid) =>
        new[] { "/sys/fs/cgroup/memory", "/sys/fs/cgroup/cpu" }
            .SelectMany(root => Directory.GetDirectories(root, $"{SizedHost.CgroupName}-{pid}-*"))
            .ToArray();
}

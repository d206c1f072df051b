namespace MultiModel.Cli.Tuning;

/// <summary>
/// A cgroup v1 cpuset group holding a process to its first <see cref="Cores"/> cores: as many as its vCPUs round up
/// to. Without it a quota of half a core is shared by threads on every core, each core takes its slice of the quota
/// (5 ms) and what one leaves unused is stranded for a while, so a small quota slows a process by more than its share.
/// </summary>
public sealed class CpusetCgroup : Cgroup
{
    private const string Root = "/sys/fs/cgroup/cpuset";

    private CpusetCgroup(string name, int cores)
        : base(Root, name)
    {
        Cores = cores;
        // A new cpuset has no cores and no memory nodes; both must be set before a process can join.
        Configure(("cpuset.mems", File.ReadAllText(System.IO.Path.Combine(Root, "cpuset.mems")).Trim()), ("cpuset.cpus", cores == 1 ? "0" : $"0-{cores - 1}"));
    }

    public int Cores { get; }

    /// <summary>Null when groups can be made here; otherwise the reason they cannot.</summary>
    public static string? Unavailable() => Unavailable(Root, "cpuset.cpus");

    public static CpusetCgroup Create(string name, int cores) => new(name, cores);
}

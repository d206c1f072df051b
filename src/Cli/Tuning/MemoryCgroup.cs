using System.Globalization;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// A cgroup v1 memory controller group with a hard limit, as Lambda runs a function inside its memory size: a process
/// that passes the limit is killed (exit 137), as Lambda kills an execution environment. Needs root and a writable
/// <c>/sys/fs/cgroup/memory</c>; <see cref="Unavailable"/> says why not where that is missing.
/// </summary>
public sealed class MemoryCgroup : Cgroup
{
    private const string Root = "/sys/fs/cgroup/memory";

    private MemoryCgroup(string name, long limitBytes)
        : base(Root, name)
    {
        LimitBytes = limitBytes;
        // Swap would let the process live past the limit; Lambda has none.
        Configure(("memory.swappiness", "0"), ("memory.limit_in_bytes", limitBytes.ToString(CultureInfo.InvariantCulture)));
    }

    public long LimitBytes { get; }

    /// <summary>Null when groups can be made here; otherwise the reason they cannot.</summary>
    public static string? Unavailable() => Unavailable(Root, "memory.limit_in_bytes");

    public static MemoryCgroup Create(string name, long limitBytes) => new(name, limitBytes);

    /// <summary>Highest memory the group used (resident memory and page cache its processes caused).</summary>
    public long MaxUsageBytes => long.Parse(Read("memory.max_usage_in_bytes"), CultureInfo.InvariantCulture);

    /// <summary>Processes of the group the kernel killed for passing the limit.</summary>
    public long OomKills => Read("memory.oom_control").Split('\n')
        .Select(line => line.Split(' '))
        .Where(parts => parts is ["oom_kill", _])
        .Select(parts => long.Parse(parts[1], CultureInfo.InvariantCulture))
        .SingleOrDefault();
}

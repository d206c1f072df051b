using System.Globalization;

namespace MultiModel.ModelHostProcess;

/// <summary>
/// A cgroup v1 memory controller group with a hard limit, as Lambda runs a function inside its memory size: a process
/// that passes the limit is killed (exit 137), as Lambda kills an execution environment. Needs root and a writable
/// <c>/sys/fs/cgroup/memory</c>; <see cref="Unavailable"/> says why not where that is missing.
/// </summary>
public sealed class MemoryCgroup : IDisposable
{
    private const string Root = "/sys/fs/cgroup/memory";
    private readonly string _path;

    private MemoryCgroup(string path, long limitBytes)
    {
        _path = path;
        LimitBytes = limitBytes;
    }

    public long LimitBytes { get; }
    public string ProcsPath => Path.Combine(_path, "cgroup.procs");

    /// <summary>Null when groups can be made here; otherwise the reason they cannot.</summary>
    public static string? Unavailable() =>
        !OperatingSystem.IsLinux() ? "memory cgroups need Linux"
        : !File.Exists(Path.Combine(Root, "memory.limit_in_bytes")) ? $"the cgroup v1 memory controller is not mounted at {Root}"
        : Environment.UserName != "root" ? $"{Root} is writable by root only; running as {Environment.UserName}"
        : null;

    public static MemoryCgroup Create(string name, long limitBytes)
    {
        var path = Path.Combine(Root, $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}"[..48]);
        Directory.CreateDirectory(path);
        var group = new MemoryCgroup(path, limitBytes);
        // Swap would let the process live past the limit; Lambda has none.
        group.Write("memory.swappiness", "0");
        group.Write("memory.limit_in_bytes", limitBytes.ToString(CultureInfo.InvariantCulture));
        return group;
    }

    /// <summary>Highest memory the group used (resident memory and page cache its processes caused).</summary>
    public long MaxUsageBytes => long.Parse(Read("memory.max_usage_in_bytes"), CultureInfo.InvariantCulture);

    /// <summary>Processes of the group the kernel killed for passing the limit.</summary>
    public long OomKills => Read("memory.oom_control").Split('\n')
        .Select(line => line.Split(' '))
        .Where(parts => parts is ["oom_kill", _])
        .Select(parts => long.Parse(parts[1], CultureInfo.InvariantCulture))
        .SingleOrDefault();

    public void Dispose()
    {
        // The kernel refuses to remove a group with processes in it; the caller stops its host first.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                Directory.Delete(_path);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    private string Read(string file) => File.ReadAllText(Path.Combine(_path, file)).Trim();

    private void Write(string file, string value) => File.WriteAllText(Path.Combine(_path, file), value);
}

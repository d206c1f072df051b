using System.Globalization;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// A cgroup v1 group of one controller, made for one run and removed when disposed. The group's folder is named
/// <c>{name}-{pid of this process}-{random}</c>, so whoever looks can tell which process left one behind.
/// </summary>
public abstract class Cgroup : IDisposable
{
    private readonly string _path;

    protected Cgroup(string controllerRoot, string name)
    {
        var folder = $"{name}-{Environment.ProcessId}-{Guid.NewGuid():N}";
        _path = System.IO.Path.Combine(controllerRoot, folder[..Math.Min(64, folder.Length)]);
        Directory.CreateDirectory(_path);
    }

    /// <summary>The file a process writes its pid to in order to join (before it execs what is to be limited).</summary>
    public string ProcsPath => System.IO.Path.Combine(_path, "cgroup.procs");

    public string Path => _path;

    /// <summary>The processes in the group now.</summary>
    public IReadOnlyList<int> Processes => Read("cgroup.procs").Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(pid => int.Parse(pid, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// A shell command line that joins <paramref name="groups"/> and then execs <paramref name="command"/>: the shell
    /// joins before the process to be limited exists, so every byte and every CPU tick of it is counted.
    /// </summary>
    public static string JoinThenExec(IEnumerable<Cgroup> groups, string command) =>
        string.Concat(groups.Select(group => $"echo $$ > \"{group.ProcsPath}\" && ")) + $"exec {command}";

    /// <summary>Null when groups of this controller can be made here; otherwise the reason they cannot.</summary>
    protected static string? Unavailable(string controllerRoot, string probeFile) =>
        !OperatingSystem.IsLinux() ? "cgroups need Linux"
        : !File.Exists(System.IO.Path.Combine(controllerRoot, probeFile)) ? $"the cgroup v1 controller is not mounted at {controllerRoot} (no {probeFile})"
        : Environment.UserName != "root" ? $"{controllerRoot} is writable by root only; running as {Environment.UserName}"
        : null;

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        // The kernel refuses to remove a group with processes in it; the caller stops its processes first, and a killed
        // process leaves the group only once it has been reaped, hence the retries.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                Directory.Delete(_path);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(100);
            }
        }
    }

    protected string Read(string file) => File.ReadAllText(System.IO.Path.Combine(_path, file)).Trim();

    protected void Write(string file, string value) => File.WriteAllText(System.IO.Path.Combine(_path, file), value);

    /// <summary>Writes the group's settings; removes the group again when one is refused, so a failed start leaves nothing.</summary>
    protected void Configure(params (string File, string Value)[] settings)
    {
        try
        {
            foreach (var (file, value) in settings)
            {
                Write(file, value);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }
}

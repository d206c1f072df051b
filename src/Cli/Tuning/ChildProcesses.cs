using System.Diagnostics;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// The hosts and cgroups a tune has made, still there, so that nothing outlives the tool: each is removed by its owner
/// as it finishes (also when Ctrl-C cancels the run), and whatever is left when the process exits anyway (the
/// command line's grace period after Ctrl-C ran out, an unhandled exception) is removed here, killed hosts first.
/// </summary>
internal static class ChildProcesses
{
    private static readonly Lock Gate = new();
    private static readonly List<Process> Processes = [];
    private static readonly List<Cgroup> Groups = [];

    static ChildProcesses() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();

    public static void Track(Process process)
    {
        lock (Gate)
        {
            Processes.Add(process);
        }
    }

    public static void Track(Cgroup group)
    {
        lock (Gate)
        {
            Groups.Add(group);
        }
    }

    /// <summary>Kills the process and all it started, waits until it is gone (so its cgroups can be removed), and forgets it.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // never started, or already reaped
        }

        lock (Gate)
        {
            Processes.Remove(process);
        }
    }

    /// <summary>Removes the group (its processes stopped first) and forgets it.</summary>
    public static void Remove(Cgroup group)
    {
        group.Dispose();
        lock (Gate)
        {
            Groups.Remove(group);
        }
    }

    private static void RemoveAll()
    {
        Process[] processes;
        Cgroup[] groups;
        lock (Gate)
        {
            (processes, groups) = (Processes.ToArray(), Groups.ToArray());
        }

        foreach (var process in processes)
        {
            Stop(process);
        }

        foreach (var group in groups)
        {
            Remove(group);
        }
    }
}

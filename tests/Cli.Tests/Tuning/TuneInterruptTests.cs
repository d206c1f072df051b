using System.Diagnostics;
using MultiModel.Cli.Tests.Support;
using MultiModel.TestSupport;

namespace MultiModel.Cli.Tests.Tuning;

/// <summary>Ctrl-C in the middle of a tune leaves no host running and no cgroup behind.</summary>
public sealed class TuneInterruptTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [SkippableFact]
    public async Task Tune_CtrlCMidReplay_StopsEveryHostAndRemovesEveryCgroup()
    {
        var unavailable = TuneHost.Unavailable();
        Skip.If(unavailable is not null, unavailable);
        _store.AddVersion("small", 1, Models.Live);
        // Through perl (Debian's perl-base is always there) to give the tool SIGINT's default disposition, as a
        // terminal's foreground job has it: a test runner started in the background may have SIGINT ignored, which
        // a child inherits, and .NET then leaves it ignored.
        var start = new ProcessStartInfo("perl", ["-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "dotnet", TuneHost.ToolDll, "tune", .. _store.Args, "--memory", "512,1024", "--requests", "100000", "--host-dll", TuneHost.Dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var tune = Process.Start(start)!;
        var error = tune.StandardError.ReadToEndAsync();
        try
        {
            // Both hosts up and replaying: four groups (memory and cpu per size), each with its host in it.
            var replaying = await Eventually.TrueAsync(
                () => tune.HasExited || TuneHost.CgroupsOf(tune.Id).Count(group => File.ReadAllText(Path.Combine(group, "cgroup.procs")).Trim().Length > 0) == 4,
                TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100));
            if (!replaying || tune.HasExited)
            {
                Assert.Fail($"the tune did not get its two hosts running: {(tune.HasExited ? await error : "still starting after 90 s")}");
            }

            var hosts = TuneHost.CgroupsOf(tune.Id).SelectMany(group => File.ReadAllLines(Path.Combine(group, "cgroup.procs"))).Select(int.Parse).Distinct().ToArray();
            await Task.Delay(500); // into the replay

            using (var interrupt = Process.Start("kill", ["-INT", tune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await tune.WaitForExitAsync(deadline.Token);

            Assert.Equal(130, tune.ExitCode);
            Assert.Contains("interrupted", await error, StringComparison.Ordinal);
            Assert.Empty(TuneHost.CgroupsOf(tune.Id));
            Assert.All(hosts, pid => Assert.False(IsRunning(pid), $"host {pid} outlived the tune"));
        }
        finally
        {
            if (!tune.HasExited)
            {
                tune.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>Whether the process is there and not a zombie (a zombie has stopped; only its parent's reaping is left).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}

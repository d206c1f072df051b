using System.Globalization;

namespace MultiModel.Cli.Tuning;

/// <summary>
/// A cgroup v1 cpu controller group whose CFS quota allows <see cref="Vcpus"/> CPUs' worth of time, as Lambda gives a
/// function CPU in proportion to its memory. .NET reads the quota too (<c>Environment.ProcessorCount</c> is its ceiling),
/// so the host sizes its thread pools as it would on Lambda.
/// </summary>
public sealed class CpuCgroup : Cgroup
{
    /// <summary>
    /// A short period (the default is 100 ms) so that a request of a few tens of milliseconds is slowed evenly, as on a
    /// slower CPU, instead of running at full speed until the period's quota is spent and then stalling.
    /// </summary>
    public const int PeriodMicroseconds = 20_000;

    /// <summary>The kernel's smallest quota.</summary>
    private const int MinimumQuotaMicroseconds = 1_000;

    private const string Root = "/sys/fs/cgroup/cpu";

    /// <summary>The kernel's largest cpu.shares (cgroup v1).</summary>
    private const int MaximumShares = 262_144;

    private CpuCgroup(string name, double vcpus)
        : base(Root, name)
    {
        Vcpus = vcpus;
        var quota = Math.Max(MinimumQuotaMicroseconds, (long)Math.Round(vcpus * PeriodMicroseconds));
        Configure(
            ("cpu.cfs_period_us", PeriodMicroseconds.ToString(CultureInfo.InvariantCulture)),
            ("cpu.cfs_quota_us", quota.ToString(CultureInfo.InvariantCulture)),
            // A function's vCPUs are its own on Lambda: the largest weight lets the group take its quota on a busy
            // machine too, where other processes would otherwise share it down. The quota still caps it.
            ("cpu.shares", MaximumShares.ToString(CultureInfo.InvariantCulture)));
    }

    public double Vcpus { get; }

    /// <summary>Null when groups can be made here; otherwise the reason they cannot.</summary>
    public static string? Unavailable() => Unavailable(Root, "cpu.cfs_quota_us");

    public static CpuCgroup Create(string name, double vcpus) => new(name, vcpus);

    /// <summary>Periods in which the group used its whole quota and waited: how often the quota, not the work, set the pace.</summary>
    public long ThrottledPeriods => Read("cpu.stat").Split('\n')
        .Select(line => line.Split(' '))
        .Where(parts => parts is ["nr_throttled", _])
        .Select(parts => long.Parse(parts[1], CultureInfo.InvariantCulture))
        .SingleOrDefault();
}

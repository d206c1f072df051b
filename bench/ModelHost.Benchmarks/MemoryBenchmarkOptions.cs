using System.Globalization;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// <c>memory [--lambda-memory MB] [--seconds N] [--clients 4,16] [--baseline-host path/to/ModelHost.dll] [--no-cgroup]
/// [--set Key=Value]...</c>; <c>--set</c> passes a setting (environment variable) to the current host only.
/// </summary>
internal sealed record MemoryBenchmarkOptions(
    int LambdaMemoryMegabytes, TimeSpan Duration, int[] Clients, string? BaselineHost, bool UseCgroup, IReadOnlyDictionary<string, string> Settings)
{
    public static MemoryBenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MemoryBenchmarkOptions(512, TimeSpan.FromSeconds(60), [4, 16], null, true, new Dictionary<string, string>());
        var settings = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--lambda-memory" => options with { LambdaMemoryMegabytes = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--clients" => options with { Clients = Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() },
                "--baseline-host" => options with { BaselineHost = Path.GetFullPath(Next()) },
                "--no-cgroup" => options with { UseCgroup = false },
                "--set" => AddSetting(options, settings, Next()),
                var unknown => throw new ArgumentException($"Unknown memory benchmark option '{unknown}'."),
            };
        }

        return options with { Settings = settings };
    }

    private static MemoryBenchmarkOptions AddSetting(MemoryBenchmarkOptions options, Dictionary<string, string> settings, string pair)
    {
        var parts = pair.Split('=', 2);
        settings[parts[0]] = parts.Length == 2 ? parts[1] : throw new ArgumentException($"--set takes Key=Value, not '{pair}'.");
        return options;
    }
}

using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace MultiModel.Router.Benchmarks;

/// <summary>
/// Router overhead on loopback, against the fair baseline: the same predict call sent straight to a backend, through
/// the Router, and through bare YARP (MapForwarder, nothing added), in rotating order within each round of one run,
/// so drift and warm-up hit every side alike. Reports p50 latency added and CPU per request added by each hop, and
/// the Router's figures as multiples of bare YARP's; it asserts nothing, the figures are for the reader.
/// </summary>
public static class BenchProgram
{
    private static readonly string[] Sides = ["direct", "router", "yarp"];

    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var report = Console.Out;
        // The router logs one JSON line per request to stdout, as in production; send it to a real sink (not
        // TextWriter.Null, which would hide the write cost), away from the report.
        Console.SetOut(new StreamWriter(File.Exists("/dev/null") ? "/dev/null" : Path.GetTempFileName()) { AutoFlush = true });

        await using var fixedBackend = options.External is null ? await FixedBackend.StartAsync() : null;
        var backendUrl = options.External ?? fixedBackend!.Url;
        await using var routerHost = await RouterHost.StartAsync(backendUrl, options.PerRequestLogs);
        await using var bareHost = await BareYarpHost.StartAsync(backendUrl);
        var urls = new Dictionary<string, string> { ["direct"] = backendUrl, ["router"] = routerHost.Url, ["yarp"] = bareHost.Url };
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        });
        var load = new LoadGenerator(client, $"models/{options.Model}/predict", options.Body);

        report.WriteLine($"Router overhead on loopback: {Environment.ProcessorCount} cores shared by client, proxies and backend; " +
            $".NET {Environment.Version}, {RuntimeInformation.OSDescription}; backend {(options.External is null ? "in-process fixed JSON" : options.External)}; " +
            $"Router per-request logs {(options.PerRequestLogs ? "on" : "off")}; baseline: bare YARP MapForwarder");
        // Other work on the same cores moves every figure; say how busy the machine was.
        report.WriteLine($"load average at start: {LoadAverage()}");
        report.WriteLine($"{options.Rounds} rounds x ({options.Requests} sequential requests + {options.Duration.TotalSeconds:0} s at concurrency {options.Concurrency}) per side");

        // Twice round every side, so the JIT's later tiers (which compile in the background, late on a busy machine)
        // are in place for the Router's larger code path too before round 1.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var url in urls.Values)
            {
                await load.LatencyAsync(url, options.Warmup);
                await load.ThroughputAsync(url, options.Concurrency, TimeSpan.FromSeconds(2));
            }
        }

        if (options.Profile is { } profiled)
        {
            // Load on one side only, for a profiler attached to this process (dotnet-trace collect -- dotnet ...).
            var (rps, cpu, bytes) = await load.ThroughputAsync(urls[profiled], options.Concurrency, options.Duration);
            report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{profiled}: {rps:0} req/s, {cpu:0} us CPU and {bytes:0} bytes allocated per request"));
            return 0;
        }

        var rows = new List<RoundResult>();
        report.WriteLine("round | p50 us direct/router/yarp | added p50 router/yarp | p99 us router/yarp | req/s direct/router/yarp | cpu/req us direct/router/yarp | added cpu router/yarp | added bytes router/yarp");
        for (var round = 0; round < options.Rounds; round++)
        {
            // Each side takes each position in turn, forwards then backwards: d r y, y d r, r y d, d y r, ...
            var order = Enumerable.Range(0, 3).Select(i => Sides[(i + round) % 3]).ToArray();
            if (round / 3 % 2 == 1)
            {
                Array.Reverse(order);
            }

            var results = new Dictionary<string, SideResult>();
            foreach (var side in order)
            {
                var latency = await load.LatencyAsync(urls[side], options.Requests);
                var (rps, cpu, bytes) = await load.ThroughputAsync(urls[side], options.Concurrency, options.Duration);
                results[side] = new SideResult(latency, rps, cpu, bytes);
            }

            var row = new RoundResult(results["direct"], results["router"], results["yarp"]);
            rows.Add(row);
            report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{round + 1,5} | {row.Direct.P50,7:0} {row.Router.P50,7:0} {row.Yarp.P50,7:0} | {row.RouterAddedP50,10:0} {row.YarpAddedP50,10:0} | {row.Router.P99,8:0} {row.Yarp.P99,8:0} | {row.Direct.Rps,7:0} {row.Router.Rps,7:0} {row.Yarp.Rps,7:0} | {row.Direct.Cpu,8:0} {row.Router.Cpu,8:0} {row.Yarp.Cpu,8:0} | {row.RouterAddedCpu,10:0} {row.YarpAddedCpu,10:0} | {row.RouterAddedBytes,8:0} {row.YarpAddedBytes,8:0}"));
        }

        double Median(Func<RoundResult, double> pick) => Stats.Median(rows.Select(pick).ToList());
        var (routerP50, yarpP50) = (Median(r => r.RouterAddedP50), Median(r => r.YarpAddedP50));
        var (routerCpu, yarpCpu) = (Median(r => r.RouterAddedCpu), Median(r => r.YarpAddedCpu));
        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over rounds: p50 added router {routerP50:0} us, bare YARP {yarpP50:0} us ({routerP50 / yarpP50:0.00}x, target <= 1.2x); " +
            $"CPU added per request router {routerCpu:0} us, bare YARP {yarpCpu:0} us ({routerCpu / yarpCpu:0.00}x, target <= 1.2x); " +
            $"bytes allocated added per request router {Median(r => r.RouterAddedBytes):0}, bare YARP {Median(r => r.YarpAddedBytes):0}; " +
            $"throughput router {Median(r => r.Router.Rps / r.Direct.Rps):P1}, bare YARP {Median(r => r.Yarp.Rps / r.Direct.Rps):P1} of direct"));
        // Each round pairs the Router with bare YARP under the same load, so the median of per-round ratios is the
        // steadier figure on a shared machine; the ratio of medians above can pair different rounds.
        var p50Ratios = rows.Select(r => r.RouterAddedP50 / r.YarpAddedP50).ToList();
        var cpuRatios = rows.Select(r => r.RouterAddedCpu / r.YarpAddedCpu).ToList();
        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per-round ratios router/yarp: p50 added {string.Join(" ", p50Ratios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))} (median {Stats.Median(p50Ratios):0.00}x); " +
            $"CPU added {string.Join(" ", cpuRatios.Select(x => x.ToString("0.00", CultureInfo.InvariantCulture)))} (median {Stats.Median(cpuRatios):0.00}x)"));
        report.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
}

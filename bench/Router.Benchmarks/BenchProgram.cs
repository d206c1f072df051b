using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;

namespace MultiModel.Router.Benchmarks;

/// <summary>
/// Router overhead on loopback: the same predict call sent straight to a backend and through the router, in
/// alternating rounds of one run (ABBA order, so drift and warm-up hit both sides alike). Reports p50 latency
/// added and the throughput ratio; it asserts nothing, the figures are for the reader.
/// </summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var report = Console.Out;
        // The router logs one JSON line per request to stdout, as in production; send it to a real sink (not
        // TextWriter.Null, which would hide the write cost), away from the report.
        Console.SetOut(new StreamWriter(File.Exists("/dev/null") ? "/dev/null" : Path.GetTempFileName()) { AutoFlush = true });

        await using var fixedBackend = options.External is null ? await FixedBackend.StartAsync() : null;
        var backendUrl = options.External ?? fixedBackend!.Url;
        await using var routerHost = options.BareYarp ? null : await RouterHost.StartAsync(backendUrl, options.PerRequestLogs);
        await using var bareHost = options.BareYarp ? await BareYarpHost.StartAsync(backendUrl) : null;
        var routerUrl = routerHost?.Url ?? bareHost!.Url;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        });
        var load = new LoadGenerator(client, $"models/{options.Model}/predict", options.Body);

        report.WriteLine($"Router overhead on loopback: {Environment.ProcessorCount} cores shared by client, router and backend; " +
            $".NET {Environment.Version}, {RuntimeInformation.OSDescription}; backend {(options.External is null ? "in-process fixed JSON" : options.External)}; " +
            $"per-request logs {(options.PerRequestLogs ? "on" : "off")}; routed side: {(options.BareYarp ? "bare YARP MapForwarder (baseline)" : "the Router")}");
        // Other work on the same cores moves every figure; say how busy the machine was.
        report.WriteLine($"load average at start: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        report.WriteLine($"{options.Rounds} rounds x ({options.Requests} sequential requests + {options.Duration.TotalSeconds:0} s at concurrency {options.Concurrency}) per side");

        foreach (var url in new[] { backendUrl, routerUrl })
        {
            await load.LatencyAsync(url, options.Warmup);
            await load.ThroughputAsync(url, options.Concurrency, TimeSpan.FromSeconds(1));
        }

        var rows = new List<RoundResult>();
        report.WriteLine("round | direct p50 us | router p50 us | added p50 us | direct p99 us | router p99 us | direct req/s | router req/s | ratio | cpu/req direct us | cpu/req routed us");
        for (var round = 0; round < options.Rounds; round++)
        {
            var routerFirst = round % 4 is 1 or 2; // ABBA: D R, R D, R D, D R, ...
            var results = new Dictionary<string, (double[] Latency, double Rps, double Cpu)>();
            foreach (var (side, url) in routerFirst ? new[] { ("router", routerUrl), ("direct", backendUrl) } : [("direct", backendUrl), ("router", routerUrl)])
            {
                var latency = await load.LatencyAsync(url, options.Requests);
                var (rps, cpu) = await load.ThroughputAsync(url, options.Concurrency, options.Duration);
                results[side] = (latency, rps, cpu);
            }

            var row = new RoundResult(results["direct"].Latency, results["router"].Latency, results["direct"].Rps, results["router"].Rps, results["direct"].Cpu, results["router"].Cpu);
            rows.Add(row);
            report.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{round + 1,5} | {row.DirectP50,13:0} | {row.RouterP50,13:0} | {row.AddedP50,12:0} | {row.DirectP99,13:0} | {row.RouterP99,13:0} | {row.DirectRps,12:0} | {row.RouterRps,12:0} | {row.Ratio,5:P0} | {row.DirectCpu,17:0} | {row.RouterCpu,17:0}"));
        }

        var added = Stats.Median(rows.Select(r => r.AddedP50).ToList());
        var ratio = Stats.Median(rows.Select(r => r.Ratio).ToList());
        var routerCpu = Stats.Median(rows.Select(r => r.AddedCpu).ToList());
        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median over rounds: p50 added {added / 1000:0.000} ms (target < 0.5 ms), throughput ratio {ratio:P1} of direct (target >= 80%), router CPU {routerCpu:0} us per request"));
        report.WriteLine($"load average at end: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
        return 0;
    }
}

using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// Warm-path latency of <c>POST /models/{id}/predict</c> on Kestrel (loopback, keep-alive) against a direct
/// <c>InferenceSession.Run</c> of the same model and input in this process, in alternating rounds of the same run;
/// with a baseline build's ModelHost.dll, the same requests to it in the same rounds.
/// </summary>
internal static class LatencyBenchmark
{
    private static HostProcess? HostProcess;

    private sealed record Case(string Id, byte[] Model, int Inputs, int Rows, int PerRound);

    public static async Task RunAsync(int rounds, string? baselineHost)
    {
        Case[] cases =
        [
            new("tiny", TestModelFactory.Mlp(4, 8, 3), Inputs: 4, Rows: 1, PerRound: 400),
            new("mid", TestModelFactory.Mlp(64, 2048, 16, hiddenLayers: 4), Inputs: 64, Rows: 48, PerRound: 10),
        ];
        var root = Directory.CreateTempSubdirectory("modelhost-bench-").FullName;
        foreach (var @case in cases)
        {
            TestModelFactory.WriteToStore(root, @case.Id, 1, @case.Model);
        }

        await using var host = await HostProcess.StartAsync(root, new Dictionary<string, string>());
        await using var baseline = baselineHost is null ? null : await HostProcess.StartAsync(root, new Dictionary<string, string>(), Path.GetFullPath(baselineHost));
        HostProcess = host;
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = host.Address };
        using var baselineClient = baseline is null ? null
            : new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseline.Address };
        Console.WriteLine($"{"model",-6} {"direct p50 us",14} {"http p50 us",12} {"overhead p50 us",16} {"direct mean us",15} {"http mean us",13} {"throughput ratio",17} {"GET /health/live p50 us",24} {"host CPU us/predict",20} {"host CPU us/live",17}");
        foreach (var @case in cases)
        {
            var (direct, http, floor, cpuPredict, cpuLive, before) = await MeasureAsync(@case, client, baselineClient, rounds);
            Console.WriteLine($"{@case.Id,-6} {direct.Median,14:F1} {http.Median,12:F1} {http.Median - direct.Median,16:F1} {direct.Mean,15:F1} {http.Mean,13:F1} {direct.Mean / http.Mean,17:F3} {floor.Median,24:F1} {cpuPredict,20:F1} {cpuLive,17:F1}");
            if (before is not null)
            {
                Console.WriteLine($"{"  baseline build:",-21} {before.Median,12:F1} {before.Median - direct.Median,16:F1} {"",15} {before.Mean,13:F1} {direct.Mean / before.Mean,17:F3}");
            }
        }

        Console.WriteLine("overhead = http - direct; GET /health/live is the same client and connection with no model work: the transport's own floor.");

        Directory.Delete(root, recursive: true);
    }

    private static async Task<(Samples Direct, Samples Http, Samples Floor, double CpuPerPredict, double CpuPerLive, Samples? Baseline)> MeasureAsync(
        Case @case, HttpClient client, HttpClient? baselineClient, int rounds)
    {
        var input = Enumerable.Range(0, @case.Rows * @case.Inputs).Select(i => (float)Math.Sin(i)).ToArray();
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { inputs = new { x = input.Chunk(@case.Inputs) } }));
        using var session = new InferenceSession(@case.Model);
        using var runOptions = new RunOptions();
        var direct = new Samples();
        var http = new Samples();
        var floor = new Samples();
        var baseline = baselineClient is null ? null : new Samples();
        var (cpuPredict, cpuLive) = (TimeSpan.Zero, TimeSpan.Zero);

        await Http(warmup: true);
        await Baseline(warmup: true);
        Direct(warmup: true);
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which side goes first so drift on this noisy machine falls on both.
            if (round % 2 == 0)
            {
                await Http(warmup: false);
                await Baseline(warmup: false);
                Direct(warmup: false);
            }
            else
            {
                Direct(warmup: false);
                await Baseline(warmup: false);
                await Http(warmup: false);
            }

            await Floor();
        }

        var measured = rounds * @case.PerRound;
        return (direct, http, floor, cpuPredict.TotalMicroseconds / measured, cpuLive.TotalMicroseconds / measured, baseline);

        async Task Floor()
        {
            var cpuBefore = HostProcess!.CpuTime();
            for (var i = 0; i < @case.PerRound; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync("/health/live");
                await response.Content.ReadAsByteArrayAsync();
                floor.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }

            cpuLive += HostProcess.CpuTime() - cpuBefore;
        }

        void Direct(bool warmup)
        {
            for (var i = 0; i < @case.PerRound; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var value = OrtValue.CreateTensorValueFromMemory(input, [@case.Rows, @case.Inputs]);
                using var outputs = session.Run(runOptions, ["x"], [value], ["y"]);
                _ = outputs[0].GetTensorDataAsSpan<float>()[0];
                if (!warmup)
                {
                    direct.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
            }
        }

        async Task Http(bool warmup)
        {
            var cpuBefore = HostProcess!.CpuTime();
            await Predict(client, warmup ? null : http);
            if (!warmup)
            {
                cpuPredict += HostProcess.CpuTime() - cpuBefore;
            }
        }

        async Task Baseline(bool warmup)
        {
            if (baselineClient is not null)
            {
                await Predict(baselineClient, warmup ? null : baseline);
            }
        }

        async Task Predict(HttpClient to, Samples? samples)
        {
            for (var i = 0; i < @case.PerRound; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await to.PostAsync($"/models/{@case.Id}/predict", content);
                var payload = await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(payload)}");
                }

                samples?.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            }
        }
    }
}

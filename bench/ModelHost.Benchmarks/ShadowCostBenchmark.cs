using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// What a shadow at 100% costs the caller, and what a policy costs when it only names stable, for a tiny and a mid-sized
/// model: one host serving three
/// copies of the same model, "plain" (no policy), "stable" (a policy naming version 1) and "shadowed" (version 2 as a
/// shadow of every request), one sequential keep-alive client, rotating rounds, p50 of each. Run on Kestrel, where the
/// shadow runs after the response, and on a host that believes it is on Lambda (AWS_LAMBDA_FUNCTION_NAME set, no
/// adapter: Kestrel still serves), where it runs before the invocation ends: that difference is what Lambda bills.
/// </summary>
internal static class ShadowCostBenchmark
{
    /// <summary>A model whose run is small beside HTTP (tiny), and one whose run is most of the request (mid, about 1 ms).</summary>
    private sealed record Case(string Name, int Inputs, int Hidden, int Outputs, int Layers, int Rows);

    public static async Task RunAsync(int rounds, int perRound)
    {
        Console.WriteLine($"{"model",-5} {"host",-8} {"plain p50 us",13} {"stable-only p50 us",19} {"shadowed p50 us",16} {"policy ratio",13} {"shadow ratio",13} {"shadow runs",12} {"skipped",8}");
        foreach (var @case in new Case[] { new("tiny", 4, 8, 3, 1, 1), new("mid", 64, 1024, 16, 2, 8) })
        {
            await RunAsync(@case, rounds, perRound);
        }

        Console.WriteLine("policy ratio = stable-only / plain (the policy's own cost); shadow ratio = shadowed / stable-only.");
    }

    private static async Task RunAsync(Case @case, int rounds, int perRound)
    {
        var root = Directory.CreateTempSubdirectory("modelhost-shadow-bench-").FullName;
        var (stable, shadow) = (TestModelFactory.Mlp(@case.Inputs, @case.Hidden, @case.Outputs, @case.Layers, seed: 1),
            TestModelFactory.Mlp(@case.Inputs, @case.Hidden, @case.Outputs, @case.Layers, seed: 2));
        foreach (var (id, policy) in new (string, RolloutPolicy?)[] { ("plain", null), ("stable", new(1)), ("shadowed", new(1, Shadow: new ShadowRollout(2, 100))) })
        {
            TestModelFactory.WriteToStore(root, id, 1, stable);
            TestModelFactory.WriteToStore(root, id, 2, shadow);
            if (policy is not null)
            {
                File.WriteAllBytes(Path.Combine(root, id, RolloutPolicy.FileName), RolloutPolicyJson.Write(policy));
            }
        }

        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { inputs = new { x = Enumerable.Range(0, @case.Rows * @case.Inputs).Select(i => (float)Math.Sin(i)).Chunk(@case.Inputs) } }));
        foreach (var lambda in new[] { false, true })
        {
            var settings = lambda ? new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_NAME"] = "bench" } : [];
            await using var host = await HostProcess.StartAsync(root, settings);
            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = host.Address };
            var samples = new Dictionary<string, Samples> { ["plain"] = new(), ["stable"] = new(), ["shadowed"] = new() };
            foreach (var id in samples.Keys)
            {
                await PredictAsync(client, id, body, perRound, null); // loads and warms each, and the shadow's model
            }

            for (var round = 0; round < rounds; round++)
            {
                var order = round % 2 == 0 ? samples.Keys.ToArray() : samples.Keys.Reverse().ToArray();
                foreach (var id in order)
                {
                    await PredictAsync(client, id, body, perRound, samples[id]);
                }
            }

            var (runs, skipped) = await ShadowFiguresAsync(client);
            var (plain, stableOnly, shadowed) = (samples["plain"].Median, samples["stable"].Median, samples["shadowed"].Median);
            Console.WriteLine($"{@case.Name,-5} {(lambda ? "lambda" : "kestrel"),-8} {plain,13:F1} {stableOnly,19:F1} {shadowed,16:F1} {stableOnly / plain,13:F3} {shadowed / stableOnly,13:F3} {runs,12} {skipped,8}");
        }

        Directory.Delete(root, recursive: true);
    }

    private static async Task PredictAsync(HttpClient client, string id, byte[] body, int count, Samples? samples)
    {
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync($"/models/{id}/predict", content);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            samples?.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
    }

    private static async Task<(long Runs, long Skipped)> ShadowFiguresAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/models/shadowed"));
        var shadow = document.RootElement.GetProperty("rollout").GetProperty("versions").EnumerateArray()
            .Single(version => version.GetProperty("version").GetInt32() == 2).GetProperty("shadow");
        return (shadow.GetProperty("runs").GetInt64(), shadow.GetProperty("skipped").GetInt64());
    }
}

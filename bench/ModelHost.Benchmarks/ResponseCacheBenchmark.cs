using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using MultiModel.ModelHostProcess;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// What the response cache saves on a hit and costs on a miss, against no cache in the same run: one host serving three
/// copies of a model, "plain" (cache off), "miss" (cache on, every input new: the request is hashed and its answer
/// recorded and stored, and nothing is ever found) and "hit" (cache on, one input again and again), one sequential
/// keep-alive client, sides in rotating order per round, p50 of each. For the resnet18-sized input (1 x 3 x 224 x 224
/// float32, binary Open Inference, to the wire benchmark's MLP over it) and a tiny model (4-8-3, native JSON, one row).
/// A distinct input is made by changing one element before each request, outside the timing, on the plain side too.
/// </summary>
internal static class ResponseCacheBenchmark
{
    private static readonly string[] Sides = ["plain", "miss", "hit"];

    public static async Task RunAsync(int rounds, int perRound)
    {
        Console.WriteLine($"{"model",-6} {"plain p50 us",13} {"miss p50 us",12} {"hit p50 us",11} {"miss / plain",13} {"hit / plain",12}");
        var image = TestModelFactory.Mlp(WireFormatBenchmark.Elements, 64, WireFormatBenchmark.Outputs);
        var (imageBody, headerLength) = WireFormatBenchmark.OpenInferenceBinaryBody(DirectRun.Inputs(1, WireFormatBenchmark.Elements, seed: 1));
        await RunAsync("image", image, imageBody, headerLength, rounds, perRound);

        var tinyBody = Encoding.UTF8.GetBytes("""{"inputs":{"x":[[0.1000,0.2000,0.3000,0.4000]]}}""");
        await RunAsync("tiny", TestModelFactory.Mlp(4, 8, 3), tinyBody, headerLength: null, rounds, perRound * 10);
        Console.WriteLine("miss / plain: what hashing the decoded tensors and keeping a copy of the answer add; hit / plain: what a stored answer takes instead of a run.");
    }

    private static async Task RunAsync(string name, byte[] model, byte[] body, int? headerLength, int rounds, int perRound)
    {
        var root = Directory.CreateTempSubdirectory("modelhost-response-cache-bench-").FullName;
        foreach (var side in Sides)
        {
            TestModelFactory.WriteToStore(root, side, 1, model);
        }

        var settings = new Dictionary<string, string>
        {
            ["ModelHost__ResponseCache__Models__miss__Enabled"] = "true",
            ["ModelHost__ResponseCache__Models__hit__Enabled"] = "true",
            ["ModelHost__ResponseCache__MaxMegabytes"] = "64",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        await using var host = await HostProcess.StartAsync(root, settings);
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = host.Address };
        var hitBody = body.ToArray();
        var samples = Sides.ToDictionary(side => side, _ => new Samples());
        var counter = 0;
        foreach (var side in Sides)
        {
            await PredictAsync(client, side, side == "hit" ? hitBody : body, headerLength, perRound, null, ref counter); // loads and warms each
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var side in Sides.Skip(round % Sides.Length).Concat(Sides.Take(round % Sides.Length)))
            {
                await PredictAsync(client, side, side == "hit" ? hitBody : body, headerLength, perRound, samples[side], ref counter);
            }
        }

        var (plain, miss, hit) = (samples["plain"].Median, samples["miss"].Median, samples["hit"].Median);
        Console.WriteLine($"{name,-6} {plain,13:F1} {miss,12:F1} {hit,11:F1} {miss / plain,13:F3} {hit / plain,12:F3}");
        Directory.Delete(root, recursive: true);
    }

    private static Task PredictAsync(HttpClient client, string side, byte[] body, int? headerLength, int count, Samples? samples, ref int counter)
    {
        var first = counter;
        counter += count;
        return PredictAsync(client, side, body, headerLength, count, samples, first);
    }

    private static async Task PredictAsync(HttpClient client, string side, byte[] body, int? headerLength, int count, Samples? samples, int counter)
    {
        for (var i = 0; i < count; i++)
        {
            if (side != "hit")
            {
                Distinct(body, headerLength, counter + i);
            }

            using var request = headerLength is { } length
                ? WireFormatBenchmark.OpenInferenceBinary(body, length, side)
                : new HttpRequestMessage(HttpMethod.Post, $"/models/{side}/predict") { Content = Json(body) };
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            samples?.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
            if (!response.IsSuccessStatusCode || (samples is not null && (side == "hit") != response.Headers.Age.HasValue))
            {
                throw new InvalidOperationException($"{side}: {(int)response.StatusCode}, Age {response.Headers.Age}");
            }
        }
    }

    /// <summary>
    /// An input no request sent before: the first float of the binary data, or the four digits after "0." of the first two
    /// numbers (the counter's low and high four digits: 100 million inputs; with the first number alone, a run of over
    /// 10,000 requests came round to inputs already stored, and the miss side got hits).
    /// </summary>
    private static void Distinct(byte[] body, int? headerLength, int counter)
    {
        if (headerLength is { } length)
        {
            BinaryPrimitives.WriteSingleLittleEndian(body.AsSpan(length), counter);
            return;
        }

        var first = body.AsSpan().IndexOf("[["u8) + 4;
        FourDigits(counter % 10_000).CopyTo(body, first);
        FourDigits(counter / 10_000 % 10_000).CopyTo(body, first + "0.1000,".Length);
    }

    private static byte[] FourDigits(int value) => Encoding.ASCII.GetBytes(value.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}

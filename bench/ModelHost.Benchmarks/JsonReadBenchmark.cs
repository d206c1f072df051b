using System.Diagnostics;
using System.Text.Json;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Inference;
using MultiModel.TestModels;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// The JSON read path alone, in this process, on the native JSON body of one 1 x 3 x 224 x 224 float32 input: the
/// host's two phases (the body checked in one pass, then its numbers read into an ONNX Runtime tensor) against a bare
/// <c>JsonDocument.Parse</c> of the same bytes, and against what the host did before (<c>JsonDocument.Parse</c>, then
/// every number read through its <c>JsonElement</c> into an array), in rotating order per round. MB/s of body. Then
/// the same numbers as nested arrays for resnet18's own input (the model beside the benchmark), and the latency
/// benchmark's tiny body (one row of four floats), in microseconds: the read path's share of a tiny model's warm
/// overhead.
/// </summary>
internal static class JsonReadBenchmark
{
    public static void Run(int rounds, int perRound)
    {
        var input = Enumerable.Range(0, WireFormatBenchmark.Elements).Select(i => (float)Math.Sin(i)).ToArray();
        var body = WireFormatBenchmark.NativeJson(input);
        using var session = new InferenceSession(TestModelFactory.Mlp(WireFormatBenchmark.Elements, 2, 2));
        Compare($"native JSON body of 1 x {WireFormatBenchmark.Elements} float32", body, ModelSignature.Read(session), rounds, perRound);

        // The same numbers as nested arrays, as numpy's tolist() sends them, for resnet18's own 1 x 3 x 224 x 224 input.
        using var resnet18 = new InferenceSession(Path.Combine(AppContext.BaseDirectory, "models", "resnet18.onnx"));
        var resnet18Signature = ModelSignature.Read(resnet18);
        var nested = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["inputs"] = new Dictionary<string, object> { [resnet18Signature.Inputs[0].Name] = Nested(input) },
        });
        Compare("the same as nested arrays 1 x 3 x 224 x 224 (resnet18's input)", nested, resnet18Signature, rounds, perRound);

        var tiny = JsonSerializer.SerializeToUtf8Bytes(new { inputs = new { x = new[] { new[] { 0.5f, -0.25f, 1.5f, 2f } } } });
        using var tinySession = new InferenceSession(TestModelFactory.Mlp(4, 8, 3));
        Compare("the tiny body of the latency benchmark", tiny, ModelSignature.Read(tinySession), rounds, perRound * 1000);
    }

    private static void Compare(string what, byte[] body, ModelSignature signature, int rounds, int perRound)
    {
        var sides = new (string Name, Action Read)[]
        {
            ("host: check, then read into the tensor", () =>
            {
                using var request = PredictionFormats.Native.Read(body, signature);
            }),
            ("host: the check alone (first phase)", () =>
            {
                using var parsed = PredictionFormats.Native.Parse(body);
            }),
            ("bare JsonDocument.Parse", () =>
            {
                using var document = JsonDocument.Parse(body);
            }),
            ("JsonDocument + every JsonElement (before)", () =>
            {
                using var document = JsonDocument.Parse(body);
                var x = document.RootElement.GetProperty("inputs").EnumerateObject().First().Value;
                var floats = new List<float>();
                Flatten(x.ValueKind == JsonValueKind.Object ? x.GetProperty("data") : x, floats);
            }),
        };
        var samples = sides.Select(_ => new Samples()).ToArray();
        for (var round = -1; round < rounds; round++) // round -1 warms every side up
        {
            for (var step = 0; step < sides.Length; step++)
            {
                var which = (step + Math.Max(round, 0)) % sides.Length;
                for (var i = 0; i < perRound; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    sides[which].Read();
                    if (round >= 0)
                    {
                        samples[which].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"json-read: {what} ({body.Length:N0} bytes), {rounds} rounds x {perRound} per side, rotating order, in process");
        Console.WriteLine($"  {"side",-44} {"p50 us",10} {"MB/s at p50",12} {"p50 / bare parse",17}");
        for (var which = 0; which < sides.Length; which++)
        {
            var median = samples[which].Median;
            Console.WriteLine($"  {sides[which].Name,-44} {median,10:F1} {body.Length / median,12:F0} {median / samples[2].Median,17:F2}");
        }
    }

    private static void Flatten(JsonElement element, List<float> into)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            into.Add((float)element.GetDouble());
            return;
        }

        foreach (var item in element.EnumerateArray())
        {
            Flatten(item, into);
        }
    }

    private static float[][][][] Nested(float[] flat) =>
        [[.. Enumerable.Range(0, 3).Select(channel => Enumerable.Range(0, 224).Select(row => flat.AsSpan((channel * 224 + row) * 224, 224).ToArray()).ToArray())]];
}

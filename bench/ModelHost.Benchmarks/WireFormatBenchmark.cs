using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHostProcess;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// One image-sized input (1 x 3 x 224 x 224 float32, as resnet18 takes) sent each way the host reads it, against a
/// direct <c>InferenceSession.Run</c> of the same model and input in this process, in rotating order per round: Open
/// Inference with Triton's binary tensor data extension (as tritonclient.http sends it: no Content-Type, raw bytes
/// after the JSON, the output asked back as binary), Open Inference JSON, and the native JSON. By default the model is
/// an MLP over the flattened image, lighter than resnet18, so the ratios overstate the wire's share; <c>--model</c>
/// runs a real model instead (the benchmark's build copies ML.NET's resnet18 to <c>models/resnet18.onnx</c> beside
/// it), its first input filled and its first output asked for. With a baseline build's ModelHost.dll, the same three
/// run against it in the same rotation too.
/// </summary>
internal static class WireFormatBenchmark
{
    internal const int Elements = 3 * 224 * 224;
    internal const int Outputs = 10;

    public static async Task RunAsync(int rounds, int perRound, string? baselineHost, string? modelPath)
    {
        var root = Directory.CreateTempSubdirectory("modelhost-wire-").FullName;
        var model = modelPath is null ? WireModel.Generated(root) : WireModel.FromFile(root, modelPath);
        var input = Enumerable.Range(0, model.Elements).Select(i => (float)Math.Sin(i)).ToArray();
        var quiet = new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" };
        await using var host = await HostProcess.StartAsync(root, quiet);
        await using var baseline = baselineHost is null ? null : await HostProcess.StartAsync(root, quiet, Path.GetFullPath(baselineHost));
        using var client = Client(host);
        using var baselineClient = baseline is null ? null : Client(baseline);
        // The bodies are made once: serializing 150,528 floats per request would time the client, not the host.
        var (binaryBody, headerLength) = OpenInferenceBinaryBody(input, model.Input, model.Shape, model.Output);
        var (oipJson, nativeJson) = (OpenInferenceJson(input, model), NativeJson(input, model.Input, model.Shape));
        var sides = new List<(string Name, HttpClient Client, Func<HttpRequestMessage> Request)>
        {
            ("oip binary", client, () => OpenInferenceBinary(binaryBody, headerLength)),
            ("oip json", client, () => Json("/v2/models/image/infer", oipJson, contentType: null)),
            ("native json", client, () => Json("/models/image/predict", nativeJson, "application/json")),
        };
        if (baselineClient is not null)
        {
            sides.Add(("oip binary, baseline build", baselineClient, () => OpenInferenceBinary(binaryBody, headerLength)));
            sides.Add(("oip json, baseline build", baselineClient, () => Json("/v2/models/image/infer", oipJson, contentType: null)));
            sides.Add(("native json, baseline build", baselineClient, () => Json("/models/image/predict", nativeJson, "application/json")));
        }

        using var session = new InferenceSession(model.File);
        using var runOptions = new RunOptions();
        var direct = new Samples();
        var http = sides.ToDictionary(side => side.Name, _ => new Samples());

        for (var round = -1; round < rounds; round++) // round -1 warms every side up
        {
            var order = Enumerable.Range(0, sides.Count + 1).Select(i => (i + Math.Max(round, 0)) % (sides.Count + 1));
            foreach (var which in order)
            {
                for (var i = 0; i < perRound; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    if (which == sides.Count)
                    {
                        RunDirect(session, runOptions, input, model);
                    }
                    else
                    {
                        await SendAsync(sides[which].Client, sides[which].Request());
                    }

                    if (round >= 0)
                    {
                        (which == sides.Count ? direct : http[sides[which].Name]).Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"wire: {string.Join(" x ", model.Shape)} float32 input ({model.Elements * 4 / 1024.0 / 1024:F2} MB raw), {model.Description}, " +
            $"{rounds} rounds x {perRound} per side, rotating order; direct Run p50 {direct.Median / 1000:F2} ms");
        Console.WriteLine($"  {"side",-28} {"body MB",8} {"p50 ms",8} {"p50 / direct",13} {"added p50 ms",13} {"mean / direct",14}");
        foreach (var (name, _, request) in sides)
        {
            var bytes = await request().Content!.ReadAsByteArrayAsync();
            var samples = http[name];
            Console.WriteLine($"  {name,-28} {bytes.Length / 1024.0 / 1024,8:F2} {samples.Median / 1000,8:F2} {samples.Median / direct.Median,13:F2} " +
                $"{(samples.Median - direct.Median) / 1000,13:F2} {samples.Mean / direct.Mean,14:F2}");
        }

        Directory.Delete(root, recursive: true);
    }

    private static HttpClient Client(HostProcess host) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = host.Address };

    private static void RunDirect(InferenceSession session, RunOptions runOptions, float[] input, WireModel model)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, model.Shape);
        using var outputs = session.Run(runOptions, [model.Input], [value], [model.Output]);
        _ = outputs[0].GetTensorDataAsSpan<float>()[0];
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            var payload = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{request.RequestUri}: {(int)response.StatusCode} {Encoding.UTF8.GetString(payload)}");
            }
        }
    }

    internal static HttpRequestMessage OpenInferenceBinary(byte[] body, int headerLength, string model = "image")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = null; // tritonclient.http sends none
        content.Headers.Add("Inference-Header-Content-Length", headerLength.ToString(CultureInfo.InvariantCulture));
        return new HttpRequestMessage(HttpMethod.Post, $"/v2/models/{model}/infer") { Content = content };
    }

    internal static (byte[] Body, int HeaderLength) OpenInferenceBinaryBody(float[] input) => OpenInferenceBinaryBody(input, "x", [1, Elements], "y");

    private static (byte[] Body, int HeaderLength) OpenInferenceBinaryBody(float[] input, string inputName, long[] shape, string outputName)
    {
        var raw = MemoryMarshal.AsBytes(input.AsSpan());
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["inputs"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = inputName, ["shape"] = shape, ["datatype"] = "FP32",
                    ["parameters"] = new Dictionary<string, object> { ["binary_data_size"] = raw.Length },
                },
            },
            ["outputs"] = new[] { new Dictionary<string, object> { ["name"] = outputName, ["parameters"] = new Dictionary<string, object> { ["binary_data"] = true } } },
        });
        var body = new byte[header.Length + raw.Length];
        header.CopyTo(body, 0);
        raw.CopyTo(body.AsSpan(header.Length));
        return (body, header.Length);
    }

    private static byte[] OpenInferenceJson(float[] input, WireModel model) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        inputs = new[] { new { name = model.Input, shape = model.Shape, datatype = "FP32", data = input } },
    });

    internal static byte[] NativeJson(float[] input) => NativeJson(input, "x", [1, Elements]);

    private static byte[] NativeJson(float[] input, string inputName, long[] shape) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
    {
        ["inputs"] = new Dictionary<string, object> { [inputName] = new { shape, data = input } },
    });

    private static HttpRequestMessage Json(string path, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }
}

using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.ML.OnnxRuntime;
using MultiModel.ModelHost.Api;
using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Capture;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;
using MultiModel.ModelHost.Monitoring;

namespace MultiModel.ModelHost.Benchmarks;

/// <summary>
/// In process, on a real run's outputs: what recording a prediction's top score costs (finding the scores output and
/// reading it from ONNX Runtime included); what one captured prediction costs the request that is sampled (its record
/// begun with the inputs, completed with the outputs and offered to the buffer, emptied alongside as the writer
/// would); and what a request that is not sampled pays (the draw).
/// </summary>
internal static class DriftAndCaptureRecordCost
{
    private const int Iterations = 200_000;

    public static void Run(byte[] classifier, string body)
    {
        var model = new ModelRef("classifier", 1);
        using var onnx = OnnxModel.Load(model, classifier, new SessionOptions(), null);
        using var request = PredictionFormats.Native.Read(Encoding.UTF8.GetBytes(body), onnx.Signature);
        using var prediction = Predictor.Run(onnx, request.Inputs, request.Outputs);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();

        var monitor = new ConfidenceMonitor(model, [], "y", 3, null, null, new ConfidenceDriftOptions());
        var drift = InProcessTiming.NanosecondsPer(Iterations, () => monitor.Record(prediction));
        Console.WriteLine($"in process: recording a one-row prediction's top score, from ONNX Runtime's output {drift:F0} ns");

        var sampled = Capture(meters, percent: 100);
        var skipped = Capture(meters, percent: 0);
        var record = InProcessTiming.NanosecondsPer(Iterations, () =>
        {
            CapturedPrediction.Start(sampled, model, "0HN8BENCH", request.Inputs)!.Complete(sampled, prediction, 200);
            sampled.Records.TryRead(out _);
        });
        var draw = InProcessTiming.NanosecondsPer(Iterations, () => CapturedPrediction.Start(skipped, model, "0HN8BENCH", request.Inputs));
        Console.WriteLine($"in process: a sampled prediction's capture record {record:F0} ns; a prediction not sampled {draw:F1} ns");
    }

    private static DataCapture Capture(IMeterFactory meters, double percent) => new(
        Options.Create(new DataCaptureOptions { LocalFolder = "unused", Models = { ["classifier"] = new ModelCaptureOptions { SamplePercent = percent } } }),
        meters,
        TimeProvider.System,
        NullLogger<DataCapture>.Instance);
}

using System.Buffers;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// The warm-up model's one run at start-up, as a request through our format: JSON to tensors, the run, tensors to
/// JSON. Each step has first-use costs that would otherwise land on the first request (the cold start on Lambda);
/// <see cref="OnnxRuntimeStartup"/> pays them on its background thread, overlapping the host starting.
/// </summary>
internal static class FormatWarmup
{
    public static void Run(OnnxModel model)
    {
        var format = PredictionFormats.Native;
        using var request = format.Read("""{"inputs": {"x": [0.5]}}"""u8, model.Signature);
        using var prediction = Predictor.Run(model, request.Inputs, request.Outputs);
        format.Write(new ArrayBufferWriter<byte>(), new ModelRef("warmup", 1), model.Labels, prediction, request);
    }
}

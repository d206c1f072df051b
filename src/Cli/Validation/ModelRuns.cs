using MultiModel.ModelHost.Api.Formats;
using MultiModel.ModelHost.Inference;

namespace MultiModel.Cli.Validation;

/// <summary>
/// Runs a model as the host does a request: the request read by the host's own format into tensors checked against
/// the signature (<see cref="PredictionFormats.Native"/>), then the host's <see cref="Predictor"/>.
/// </summary>
internal static class ModelRuns
{
    /// <summary>Every output the host returns, copied out; throws what the host would answer 400 or 500 with.</summary>
    public static IReadOnlyList<OutputValues> Run(MeasuredModel model, InputSet input)
    {
        using var request = PredictionFormats.Native.Read(input.Request, model.Signature);
        using var prediction = Predictor.Run(model.Onnx, request.Inputs, requestedOutputs: null);
        return prediction.OutputNames
            .Select((name, index) => OutputValues.Read(name, prediction.Outputs[index], model.Signature.StructuredOutput(name)))
            .ToArray();
    }

    /// <summary>The request made tensors once, for timing runs that then measure the model alone.</summary>
    public static PredictionRequest Bind(MeasuredModel model, InputSet input) => PredictionFormats.Native.Read(input.Request, model.Signature);

    public static void RunOnce(MeasuredModel model, PredictionRequest request)
    {
        using var prediction = Predictor.Run(model.Onnx, request.Inputs, requestedOutputs: null);
    }
}

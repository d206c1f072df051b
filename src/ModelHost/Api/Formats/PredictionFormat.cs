using System.Text.Json;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>How a request names its inputs and how the response is written: ours, or the Open Inference Protocol's.</summary>
internal sealed record PredictionFormat(
    Func<JsonElement, ModelSignature, ParsedRequest> Read,
    Action<Prediction, ParsedRequest, Utf8JsonWriter> Write)
{
    public static readonly PredictionFormat Native = new(
        PredictRequestReader.Read, static (prediction, _, writer) => prediction.WriteTo(writer));

    public static readonly PredictionFormat OpenInference = new(
        OpenInferenceRequestReader.Read, static (prediction, request, writer) => prediction.WriteOpenInference(writer, request.RequestId));
}

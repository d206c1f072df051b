using System.Text.Json;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Native;

/// <summary>
/// Our format: <c>{"inputs": {"name": value, ...}, "outputs"?: ["name", ...]}</c> in (see <see cref="NativeRequestReader"/>),
/// <c>{"modelId", "modelVersion", "outputs": [...], "predictions"?: [...]}</c> out, the top labels when the model has a sidecar.
/// </summary>
internal sealed class NativeJsonFormat : JsonPredictionFormat
{
    protected override ParsedRequest ParseRequest(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets) =>
        NativeRequestReader.Read(ref reader, json, offsets);

    protected override void WriteResponse(Utf8JsonWriter writer, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request)
    {
        writer.WriteStartObject();
        writer.WriteString("modelId", model.Id);
        writer.WriteNumber("modelVersion", model.Version);
        WriteOutputs(writer, prediction, TensorDataType.NameOf);
        if (labels is not null)
        {
            JsonLabelsWriter.Write(writer, labels.Rank(prediction.Output(labels.ScoresOutput)));
        }

        writer.WriteEndObject();
    }
}

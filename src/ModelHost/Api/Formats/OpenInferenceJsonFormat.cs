using System.Globalization;
using System.Text.Json;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// The Open Inference Protocol's (KServe V2) JSON: <c>{"id"?, "inputs": [...], "outputs"?: [...]}</c> in (see
/// <see cref="OpenInferenceRequestReader"/>), <c>{"model_name", "model_version", "id"?, "outputs": [...]}</c> out.
/// </summary>
internal sealed class OpenInferenceJsonFormat : JsonPredictionFormat
{
    public override string ExpectedContentType => "JSON (Content-Type application/json, or none)";

    // Triton's Python HTTP client and KServe's httpx client send no Content-Type at all, and Triton and KServe read
    // such bodies as JSON; so does this endpoint. A type that is given must still be JSON.
    public override bool AcceptsContentType(HttpRequest request) =>
        string.IsNullOrEmpty(request.ContentType) || request.HasJsonContentType();

    protected override ParsedRequest Parse(JsonElement body, ModelSignature signature) => OpenInferenceRequestReader.Read(body, signature);

    protected override void WriteResponse(Utf8JsonWriter writer, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name", model.Id);
        writer.WriteString("model_version", model.Version.ToString(CultureInfo.InvariantCulture));
        if (request.RequestId is not null)
        {
            writer.WriteString("id", request.RequestId);
        }

        // The run also makes the scores a labels.json needs, for our format's top labels; this protocol has no place
        // for those, so it returns what was asked for and nothing more.
        WriteOutputs(writer, prediction, OpenInferenceDataType.NameOf, request.Outputs);
        writer.WriteEndObject();
    }
}

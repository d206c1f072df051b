using System.Buffers;
using System.Globalization;
using System.Text.Json;
using MultiModel.ModelHost.Api.Formats.Binary;
using MultiModel.ModelHost.Api.Formats.Json;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.OpenInference;

/// <summary>
/// The Open Inference Protocol's (KServe V2) JSON: <c>{"id"?, "inputs": [...], "outputs"?: [...]}</c> in (see
/// <see cref="OpenInferenceRequestReader"/>), <c>{"model_name", "model_version", "id"?, "outputs": [...]}</c> out; with
/// Triton's binary tensor data extension both ways: raw tensor bytes after the JSON, whose length the
/// <c>Inference-Header-Content-Length</c> header gives.
/// </summary>
internal sealed class OpenInferenceJsonFormat : JsonPredictionFormat
{
    public override string ExpectedContentType => "JSON (Content-Type application/json, or none), or JSON and binary tensor data (application/octet-stream)";

    // Triton's Python HTTP client and KServe's httpx client send no Content-Type at all, and Triton and KServe read
    // such bodies as JSON; so does this endpoint. Other clients of the binary extension send application/octet-stream.
    public override bool AcceptsContentType(HttpRequest request) =>
        string.IsNullOrEmpty(request.ContentType) || request.HasJsonContentType()
        || request.ContentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    public override async ValueTask<ParsedBody> ParseAsync(HttpRequest request, PredictionLimits options, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValue(InferenceHeader.Name, out var header))
        {
            try
            {
                return await base.ParseAsync(request, options, cancellationToken);
            }
            catch (JsonException exception)
            {
                // Most often binary tensor data sent without the header that says where the JSON ends.
                throw new InvalidInputException(
                    $"The body is not valid JSON: {exception.Message} If binary tensor data follows the JSON, the {InferenceHeader.Name} header must give the JSON's length in bytes.");
            }
        }

        var body = await PooledRequestBody.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        int jsonLength;
        try
        {
            jsonLength = InferenceHeader.ReadLength(header.ToString(), body.Length);
        }
        catch
        {
            body.Dispose();
            throw;
        }

        return Parse(body, jsonLength, hasBinaryData: true, options);
    }

    public override async Task WriteAsync(
        HttpResponse response, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request, CancellationToken cancellationToken)
    {
        var binary = BinaryOutputsOf(prediction, request);
        if (binary.Count == 0)
        {
            await base.WriteAsync(response, model, labels, prediction, request, cancellationToken);
            return;
        }

        // The header's length goes in a response header, so the JSON is written aside first; the tensors' bytes then
        // go from ONNX Runtime's buffers straight into the response.
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            WriteHeader(writer, model, prediction, request, binary);
        }

        response.ContentType = "application/octet-stream";
        response.Headers[InferenceHeader.Name] = json.WrittenCount.ToString(CultureInfo.InvariantCulture);
        response.ContentLength = json.WrittenCount + binary.Values.Sum(output => output.Size);
        response.BodyWriter.Write(json.WrittenSpan);
        foreach (var (name, _) in Answered(prediction, request))
        {
            // In the order of the JSON's outputs, as the extension lays them out.
            if (binary.TryGetValue(name, out var output))
            {
                output.WriteTo(response.BodyWriter);
            }
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    protected override ParsedRequest ParseRequest(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets) =>
        OpenInferenceRequestReader.Read(ref reader, json, offsets);

    protected override void CheckDeclaredTypes(ParsedRequest request, ModelSignature signature)
    {
        foreach (var input in request.Inputs)
        {
            if (signature.InputsByName.TryGetValue(input.Name, out var expected) && input.Datatype != OpenInferenceDataType.NameOf(expected.ElementType))
            {
                throw new InvalidInputException(
                    $"Input '{input.Name}' has datatype {input.Datatype}; the model expects {OpenInferenceDataType.NameOf(expected.ElementType)}.");
            }
        }
    }

    protected override void WriteResponse(Utf8JsonWriter writer, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request) =>
        WriteHeader(writer, model, prediction, request, binary: new Dictionary<string, BinaryTensorWriter>());

    private static void WriteHeader(
        Utf8JsonWriter writer, ModelRef model, Prediction prediction, PredictionRequest request, Dictionary<string, BinaryTensorWriter> binary)
    {
        writer.WriteStartObject();
        writer.WriteString("model_name", model.Id);
        writer.WriteString("model_version", model.Version.ToString(CultureInfo.InvariantCulture));
        if (request.RequestId is not null)
        {
            writer.WriteString("id", request.RequestId);
        }

        writer.WriteStartArray("outputs");
        foreach (var (name, value) in Answered(prediction, request))
        {
            if (prediction.Signature.StructuredOutput(name) is { } structured)
            {
                JsonStructuredWriter.Write(writer, name, value, structured, openInference: true);
            }
            else
            {
                JsonTensorWriter.Write(writer, name, value, OpenInferenceDataType.NameOf, binary.GetValueOrDefault(name)?.Size);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    // A sequence or map has no raw tensor bytes; Triton refuses such models outright, so there is no precedent to follow.
    // Asked binary (the Triton client's default), it comes in the JSON's "data" all the same: the client reads an
    // output's bytes only when it has a binary_data_size, so it reads this one from "data".
    private static Dictionary<string, BinaryTensorWriter> BinaryOutputsOf(Prediction prediction, PredictionRequest request) =>
        request.BinaryOutputs is not { } asked ? []
            : Answered(prediction, request).Where(output => asked.IsBinary(output.Name) && prediction.Signature.StructuredOutput(output.Name) is null)
                .ToDictionary(output => output.Name, output => new BinaryTensorWriter(output.Tensor), StringComparer.Ordinal);

    // The run also makes the scores a labels.json needs, for our format's top labels; this protocol has no place
    // for those, so it returns what was asked for and nothing more.
    private static IEnumerable<(string Name, OrtValue Tensor)> Answered(Prediction prediction, PredictionRequest request) =>
        prediction.OutputNames.Select((name, index) => (name, prediction.Outputs[index]))
            .Where(output => request.Outputs is null || request.Outputs.Contains(output.name));
}

using System.Buffers;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats;

/// <summary>
/// What the JSON formats share: the body parsed with the depth limit, each input made a tensor by
/// <see cref="JsonTensorReader"/> once the format's reader has found it, and the response streamed from ONNX Runtime's
/// buffers. A format adds its request shape (<see cref="Parse"/>) and its response shape (<see cref="WriteResponse"/>).
/// </summary>
internal abstract class JsonPredictionFormat : IPredictionFormat
{
    public virtual string ExpectedContentType => "JSON with Content-Type: application/json";

    public virtual bool AcceptsContentType(HttpRequest request) => request.HasJsonContentType();

    public virtual async ValueTask<PredictionRequest> ReadAsync(HttpRequest request, ModelSignature signature, RequestOptions options, CancellationToken cancellationToken)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, DocumentOptions(options), cancellationToken);
        return Read(body.RootElement, signature);
    }

    /// <summary>
    /// Reads a parsed body: the format's shape first, then every input in the order given, those with a
    /// binary_data_size from <paramref name="binary"/>, the bytes that followed the JSON.
    /// </summary>
    public PredictionRequest Read(JsonElement body, ModelSignature signature, BinaryTensorData? binary = null)
    {
        var parsed = Parse(body, signature);
        var inputs = new ModelInputs(signature);
        try
        {
            foreach (var input in parsed.Inputs)
            {
                var expected = inputs.Expect(input.Name);
                inputs.Add(input.Name, input.BinaryDataSize is not { } size ? JsonTensorReader.Read(input.Value, expected, inputs.Dimensions)
                    : BinaryTensorReader.Read(input.Value, size, binary ?? throw NoBinaryData(input.Name), expected, inputs.Dimensions));
            }

            binary?.ThrowIfLeftover();
            return new PredictionRequest(inputs, parsed.Outputs, parsed.RequestId, parsed.BinaryOutputs);
        }
        catch
        {
            inputs.Dispose();
            throw;
        }
    }

    public virtual async Task WriteAsync(
        HttpResponse response, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request, CancellationToken cancellationToken)
    {
        response.ContentType = "application/json";
        Write(response.BodyWriter, model, labels, prediction, request);
        await response.BodyWriter.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the whole response into <paramref name="output"/>.</summary>
    public void Write(IBufferWriter<byte> output, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request)
    {
        using var writer = new Utf8JsonWriter(output);
        WriteResponse(writer, model, labels, prediction, request);
    }

    // A key given twice is refused rather than letting the last one win: "inputs" twice is a client's mistake.
    protected static JsonDocumentOptions DocumentOptions(RequestOptions options) => new() { MaxDepth = options.MaxJsonDepth, AllowDuplicateProperties = false };

    private static InvalidInputException NoBinaryData(string input) => new(
        $"Input '{input}' has a binary_data_size, but the request has no {InferenceHeader.Name} header giving the length of the JSON " +
        "before the binary data.");

    /// <summary>The format's request shape; the inputs' values are read into tensors after it returns.</summary>
    protected abstract ParsedRequest Parse(JsonElement body, ModelSignature signature);

    /// <summary>The format's response, written in one piece.</summary>
    protected abstract void WriteResponse(Utf8JsonWriter writer, ModelRef model, LabelPostProcessor? labels, Prediction prediction, PredictionRequest request);

    /// <summary><c>"outputs": [{"name", "datatype", "shape", "data"}, ...]</c> with the format's names for the datatypes (a sequence's or map's is its ONNX type).</summary>
    protected static void WriteOutputs(Utf8JsonWriter writer, Prediction prediction, Func<TensorElementType, string> datatypeName)
    {
        writer.WriteStartArray("outputs");
        for (var index = 0; index < prediction.Outputs.Count; index++)
        {
            var name = prediction.OutputNames[index];
            if (prediction.Signature.StructuredOutput(name) is { } structured)
            {
                JsonStructuredWriter.Write(writer, name, prediction.Outputs[index], structured, openInference: false);
            }
            else
            {
                JsonTensorWriter.Write(writer, name, prediction.Outputs[index], datatypeName);
            }
        }

        writer.WriteEndArray();
    }
}

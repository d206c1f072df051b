using System.Buffers;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Api.Formats.Binary;
using MultiModel.ModelHost.Api.Predictions;
using MultiModel.ModelHost.Inference;
using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// What the JSON formats share: the body read into a pooled buffer and checked in one pass of a
/// <see cref="Utf8JsonReader"/> under the depth limit before the model is known; each input made a tensor by
/// <see cref="JsonTensorReader"/> once it is; the response streamed from ONNX Runtime's buffers. A format adds its
/// request shape (<see cref="ParseRequest"/>) and its response shape (<see cref="WriteResponse"/>).
/// </summary>
internal abstract class JsonPredictionFormat : IPredictionFormat
{
    public virtual string ExpectedContentType => "JSON with Content-Type: application/json";

    public virtual bool AcceptsContentType(HttpRequest request) => request.HasJsonContentType();

    public virtual async ValueTask<ParsedBody> ParseAsync(HttpRequest request, PredictionLimits options, CancellationToken cancellationToken)
    {
        var body = await PooledRequestBody.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        return Parse(body, body.Length, hasBinaryData: false, options);
    }

    /// <summary>The first phase over a body in memory; owns <paramref name="body"/> from here on, also when it throws.</summary>
    protected ParsedBody Parse(PooledRequestBody body, int jsonLength, bool hasBinaryData, PredictionLimits options)
    {
        var offsets = new ElementOffsets();
        try
        {
            var json = body.WritableSpan[..jsonLength];
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = options.MaxJsonDepth });
            var parsed = ParseRequest(ref reader, json, offsets);
            if (reader.Read())
            {
                // Not reached: the reader itself throws at anything but white space after the one JSON value.
                throw new JsonException("The body has more after its JSON value.");
            }

            if (!hasBinaryData && parsed.Inputs.FirstOrDefault(input => input.BinaryDataSize is not null) is { } binary)
            {
                throw NoBinaryData(binary.Name);
            }

            return new ParsedBody(body, jsonLength, hasBinaryData, parsed, offsets);
        }
        catch
        {
            offsets.Dispose();
            body.Dispose();
            throw;
        }
    }

    public PredictionRequest Bind(ParsedBody body, ModelSignature signature)
    {
        var parsed = body.Request;
        CheckDeclaredTypes(parsed, signature);
        var inputs = new ModelInputs(signature);
        try
        {
            var binary = body.HasBinaryData ? new BinaryTensorData(body.BinaryData) : null;
            foreach (var input in parsed.Inputs)
            {
                var expected = inputs.Expect(input.Name);
                inputs.Add(input.Name, input.BinaryDataSize is { } size
                    ? BinaryTensorReader.Read(input.Shape, size, binary!, expected, inputs.Dimensions)
                    : JsonTensorReader.Read(body.Json, body.Offsets, input, expected, inputs.Dimensions));
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

    /// <summary>The first phase over a body given whole (start-up warm-up, tests, benchmarks).</summary>
    public ParsedBody Parse(ReadOnlySpan<byte> json, PredictionLimits? options = null) =>
        Parse(PooledRequestBody.Copy(json), json.Length, hasBinaryData: false, options ?? new PredictionLimits());

    /// <summary>Both phases over a body given whole.</summary>
    public PredictionRequest Read(ReadOnlySpan<byte> json, ModelSignature signature)
    {
        using var body = Parse(json);
        return Bind(body, signature);
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

    private static InvalidInputException NoBinaryData(string input) => new(
        $"Input '{input}' has a binary_data_size, but the request has no {InferenceHeader.Name} header giving the length of the JSON " +
        "before the binary data.");

    /// <summary>The format's request shape, read in one pass from the reader's first token; the inputs are made tensors later.</summary>
    /// <param name="json">
    /// Writable only so that <see cref="NumberArrayScanner"/> can disguise a run of numbers it has checked for the
    /// reader's one step over them; it puts them back before anything reads them.
    /// </param>
    protected abstract ParsedRequest ParseRequest(ref Utf8JsonReader reader, Span<byte> json, ElementOffsets offsets);

    /// <summary>Checks the datatypes a request declares for its inputs, for formats that declare them, against the model's.</summary>
    protected virtual void CheckDeclaredTypes(ParsedRequest request, ModelSignature signature)
    {
    }

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

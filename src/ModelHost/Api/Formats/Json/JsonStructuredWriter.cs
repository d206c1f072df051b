using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// Writes a sequence or map output as <c>{"name", "datatype", "shape", "data"}</c> like a tensor's: a map as one JSON
/// object (int64 keys written as their digits, since JSON keys are strings), a sequence as an array of its elements,
/// the shape its element count (1 for a single map). A ZipMap output is so a list of label-to-score objects, one per row.
/// </summary>
internal static class JsonStructuredWriter
{
    /// <summary>The Open Inference Protocol has no datatype for these; BYTES (its type of anything not a number) is what
    /// the Triton and KServe clients read into an array of objects, and the <c>onnx_type</c> parameter says what it is.</summary>
    public const string OpenInferenceDatatype = "BYTES";

    public static void Write(Utf8JsonWriter writer, string name, OrtValue value, StructuredSignature signature, bool openInference)
    {
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("datatype", openInference ? OpenInferenceDatatype : signature.TypeName);
        writer.WriteStartArray("shape");
        writer.WriteNumberValue(signature.IsSequence ? value.GetValueCount() : 1);
        writer.WriteEndArray();
        if (openInference)
        {
            writer.WriteStartObject("parameters");
            writer.WriteString("onnx_type", signature.TypeName);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("data");
        if (!signature.IsSequence)
        {
            WriteMap(writer, value);
        }
        else
        {
            for (var index = 0; index < value.GetValueCount(); index++)
            {
                using var element = value.GetValue(index, OrtAllocator.DefaultInstance);
                if (signature.KeyType is null)
                {
                    WriteTensor(writer, element);
                }
                else
                {
                    WriteMap(writer, element);
                }
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTensor(Utf8JsonWriter writer, OrtValue tensor)
    {
        var info = tensor.GetTensorTypeAndShape();
        writer.WriteStartObject();
        writer.WriteStartArray("shape");
        foreach (var dimension in info.Shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data");
        JsonTensorWriter.WriteData(writer, tensor, info.ElementDataType);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, OrtValue map)
    {
        using var keys = map.GetValue(0, OrtAllocator.DefaultInstance);
        using var values = map.GetValue(1, OrtAllocator.DefaultInstance);
        var names = keys.GetTensorTypeAndShape().ElementDataType == TensorElementType.String
            ? keys.GetStringTensorAsArray()
            : Array.ConvertAll(keys.GetTensorDataAsSpan<long>().ToArray(), key => key.ToString(CultureInfo.InvariantCulture));
        var type = values.GetTensorTypeAndShape().ElementDataType;
        writer.WriteStartObject();
        for (var index = 0; index < names.Length; index++)
        {
            writer.WritePropertyName(names[index]);
            switch (type)
            {
                case TensorElementType.Float: JsonNumbers.Write(writer, values.GetTensorDataAsSpan<float>()[index]); break;
                case TensorElementType.Double: JsonNumbers.Write(writer, values.GetTensorDataAsSpan<double>()[index]); break;
                case TensorElementType.Int64: writer.WriteNumberValue(values.GetTensorDataAsSpan<long>()[index]); break;
                case TensorElementType.String: writer.WriteStringValue(values.GetStringElement(index)); break;
                default: throw new InvalidOperationException($"Map values of type {type} cannot be written as JSON.");
            }
        }

        writer.WriteEndObject();
    }
}

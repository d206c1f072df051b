using System.Text.Json;
using Microsoft.ML.OnnxRuntime.Tensors;
using MultiModel.ModelHost.Inference;

namespace MultiModel.ModelHost.Api.Formats.Json;

/// <summary>
/// Writes an output tensor as <c>{"name", "datatype", "shape", "data"}</c> with flat row-major data, or, when its
/// bytes follow the JSON (Triton's binary tensor data extension), <c>"parameters": {"binary_data_size"}</c> instead of "data".
/// </summary>
internal static class JsonTensorWriter
{
    public static void Write(Utf8JsonWriter writer, string name, OrtValue tensor, Func<TensorElementType, string> datatypeName, long? binaryDataSize = null)
    {
        var info = tensor.GetTensorTypeAndShape();
        writer.WriteStartObject();
        writer.WriteString("name", name);
        writer.WriteString("datatype", datatypeName(info.ElementDataType));
        writer.WriteStartArray("shape");
        foreach (var dimension in info.Shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        if (binaryDataSize is { } size)
        {
            writer.WriteStartObject("parameters");
            writer.WriteNumber("binary_data_size", size);
            writer.WriteEndObject();
            writer.WriteEndObject();
            return;
        }

        writer.WriteStartArray("data");
        WriteData(writer, tensor, info.ElementDataType);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A tensor's elements, flat and row-major, as JSON values into the array the caller has started.</summary>
    internal static void WriteData(Utf8JsonWriter writer, OrtValue tensor, TensorElementType type)
    {
        switch (type)
        {
            case TensorElementType.Float: foreach (var x in tensor.GetTensorDataAsSpan<float>()) JsonNumbers.Write(writer, x); break;
            // Written as the float32 each is exactly; read back, it rounds to the same 16 bits.
            case TensorElementType.Float16: foreach (var x in tensor.GetTensorDataAsSpan<Float16>()) JsonNumbers.Write(writer, ReducedPrecision.ToSingle(x)); break;
            case TensorElementType.BFloat16: foreach (var x in tensor.GetTensorDataAsSpan<BFloat16>()) JsonNumbers.Write(writer, ReducedPrecision.ToSingle(x)); break;
            case TensorElementType.Double: foreach (var x in tensor.GetTensorDataAsSpan<double>()) JsonNumbers.Write(writer, x); break;
            case TensorElementType.Int8: foreach (var x in tensor.GetTensorDataAsSpan<sbyte>()) writer.WriteNumberValue(x); break;
            case TensorElementType.Int16: foreach (var x in tensor.GetTensorDataAsSpan<short>()) writer.WriteNumberValue(x); break;
            case TensorElementType.Int32: foreach (var x in tensor.GetTensorDataAsSpan<int>()) writer.WriteNumberValue(x); break;
            case TensorElementType.Int64: foreach (var x in tensor.GetTensorDataAsSpan<long>()) writer.WriteNumberValue(x); break;
            case TensorElementType.UInt8: foreach (var x in tensor.GetTensorDataAsSpan<byte>()) writer.WriteNumberValue(x); break;
            case TensorElementType.UInt16: foreach (var x in tensor.GetTensorDataAsSpan<ushort>()) writer.WriteNumberValue(x); break;
            case TensorElementType.UInt32: foreach (var x in tensor.GetTensorDataAsSpan<uint>()) writer.WriteNumberValue(x); break;
            case TensorElementType.UInt64: foreach (var x in tensor.GetTensorDataAsSpan<ulong>()) writer.WriteNumberValue(x); break;
            case TensorElementType.Bool: foreach (var x in tensor.GetTensorDataAsSpan<bool>()) writer.WriteBooleanValue(x); break;
            case TensorElementType.String: foreach (var x in tensor.GetStringTensorAsArray()) writer.WriteStringValue(x); break;
            default: throw new InvalidOperationException($"Output type {type} cannot be written as JSON.");
        }
    }
}

using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Inference;

/// <summary>The tensor element types the host converts to and from JSON, with the names used on the wire.</summary>
public static class TensorDataType
{
    private static readonly Dictionary<TensorElementType, string> Names = new()
    {
        [TensorElementType.Float] = "float32",
        [TensorElementType.Double] = "float64",
        [TensorElementType.Int8] = "int8",
        [TensorElementType.Int16] = "int16",
        [TensorElementType.Int32] = "int32",
        [TensorElementType.Int64] = "int64",
        [TensorElementType.UInt8] = "uint8",
        [TensorElementType.UInt16] = "uint16",
        [TensorElementType.UInt32] = "uint32",
        [TensorElementType.UInt64] = "uint64",
        [TensorElementType.Bool] = "bool",
        [TensorElementType.String] = "string",
    };

    // The Open Inference Protocol's names for the same types (BYTES carries strings).
    private static readonly Dictionary<TensorElementType, string> OpenInferenceNames = new()
    {
        [TensorElementType.Float] = "FP32",
        [TensorElementType.Double] = "FP64",
        [TensorElementType.Int8] = "INT8",
        [TensorElementType.Int16] = "INT16",
        [TensorElementType.Int32] = "INT32",
        [TensorElementType.Int64] = "INT64",
        [TensorElementType.UInt8] = "UINT8",
        [TensorElementType.UInt16] = "UINT16",
        [TensorElementType.UInt32] = "UINT32",
        [TensorElementType.UInt64] = "UINT64",
        [TensorElementType.Bool] = "BOOL",
        [TensorElementType.String] = "BYTES",
    };

    public static bool IsSupported(TensorElementType type) => Names.ContainsKey(type);

    public static string OpenInferenceNameOf(TensorElementType type) =>
        OpenInferenceNames.TryGetValue(type, out var name) ? name : type.ToString().ToUpperInvariant();

    public static string NameOf(TensorElementType type) =>
        Names.TryGetValue(type, out var name) ? name : type.ToString().ToLowerInvariant();

    public static string SupportedNames => string.Join(", ", Names.Values);
}

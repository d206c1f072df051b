using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// The tensor element types the host feeds and returns, with the names it gives them: in messages, in model descriptions
/// and in our JSON format.
/// </summary>
public static class TensorDataType
{
    private static readonly Dictionary<TensorElementType, string> Names = new()
    {
        [TensorElementType.Float16] = "float16",
        [TensorElementType.BFloat16] = "bfloat16",
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

    public static bool IsSupported(TensorElementType type) => Names.ContainsKey(type);

    public static string NameOf(TensorElementType type) =>
        Names.TryGetValue(type, out var name) ? name : type.ToString().ToLowerInvariant();

    public static string SupportedNames => string.Join(", ", Names.Values);
}

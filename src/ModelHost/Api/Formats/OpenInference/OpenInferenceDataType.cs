using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Api.Formats.OpenInference;

/// <summary>The Open Inference Protocol's names for the tensor element types (BYTES carries strings).</summary>
internal static class OpenInferenceDataType
{
    private static readonly Dictionary<TensorElementType, string> Names = new()
    {
        [TensorElementType.Float16] = "FP16",
        [TensorElementType.BFloat16] = "BF16",
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

    public static string NameOf(TensorElementType type) =>
        Names.TryGetValue(type, out var name) ? name : type.ToString().ToUpperInvariant();
}

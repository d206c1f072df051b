using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Api.Formats.Binary;

/// <summary>Bytes per element of the fixed-size tensor types, as ONNX Runtime stores them and the binary extension sends them.</summary>
internal static class TensorElementSize
{
    /// <summary>The size in bytes; null for strings (BYTES), whose elements vary.</summary>
    public static int? Of(TensorElementType type) => type switch
    {
        TensorElementType.Bool or TensorElementType.Int8 or TensorElementType.UInt8 => 1,
        TensorElementType.Int16 or TensorElementType.UInt16 or TensorElementType.Float16 or TensorElementType.BFloat16 => 2,
        TensorElementType.Float or TensorElementType.Int32 or TensorElementType.UInt32 => 4,
        TensorElementType.Double or TensorElementType.Int64 or TensorElementType.UInt64 => 8,
        _ => null,
    };
}

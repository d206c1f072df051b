using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// An output that is not a tensor but a sequence or a map of them, as scikit-learn classifiers exported by skl2onnx
/// return their scores (ZipMap: <c>seq(map(int64 or string, float))</c>, one map per row). The host returns these as
/// JSON: a map as an object, a sequence as an array of its elements.
/// </summary>
/// <param name="TypeName">ONNX's way of writing the type, e.g. <c>seq(map(int64, float32))</c>.</param>
/// <param name="IsSequence">A sequence (of <see cref="KeyType"/>-keyed maps, or of tensors when that is null); else one map.</param>
/// <param name="KeyType">The maps' key type (int64 or string); null for a sequence of tensors.</param>
/// <param name="ElementType">The element type of the maps' values or of the sequence's tensors.</param>
public sealed record StructuredSignature(string Name, string TypeName, bool IsSequence, TensorElementType? KeyType, TensorElementType ElementType)
{
    /// <summary>The shape descriptions give it: a sequence's length is known only when it is returned, a map is one.</summary>
    public int[] Shape => [IsSequence ? -1 : 1];

    /// <summary>One label-to-score map per row, as ZipMap makes them: what top labels can be ranked from.</summary>
    public bool IsScoreMaps => IsSequence && KeyType is not null && ElementType == TensorElementType.Float;

    /// <summary>The signature of a sequence or map output the host can write, or null when it cannot.</summary>
    internal static StructuredSignature? TryRead(string name, NodeMetadata metadata)
    {
        switch (metadata.OnnxValueType)
        {
            case OnnxValueType.ONNX_TYPE_MAP when TryReadMap(metadata, out var key, out var value):
                return new StructuredSignature(name, MapName(key, value), IsSequence: false, key, value);
            case OnnxValueType.ONNX_TYPE_SEQUENCE:
                var element = metadata.AsSequenceMetadata().ElementMeta;
                if (element.IsTensor && TensorDataType.IsSupported(element.ElementDataType))
                {
                    return new StructuredSignature(name, $"seq(tensor({TensorDataType.NameOf(element.ElementDataType)}))", IsSequence: true, null, element.ElementDataType);
                }

                return element.OnnxValueType == OnnxValueType.ONNX_TYPE_MAP && TryReadMap(element, out var elementKey, out var elementValue)
                    ? new StructuredSignature(name, $"seq({MapName(elementKey, elementValue)})", IsSequence: true, elementKey, elementValue)
                    : null;
            default:
                return null;
        }
    }

    private static bool TryReadMap(NodeMetadata metadata, out TensorElementType key, out TensorElementType value)
    {
        var map = metadata.AsMapMetadata();
        key = map.KeyDataType;
        value = map.ValueMetadata.ElementDataType;
        // JSON object keys are strings, so a map is written as one only when its keys are numbers or strings. The values
        // are those ONNX's ML operators make (ZipMap's float, DictVectorizer's and CastMap's others).
        return key is TensorElementType.Int64 or TensorElementType.String && map.ValueMetadata.IsTensor
            && value is TensorElementType.Float or TensorElementType.Double or TensorElementType.Int64 or TensorElementType.String;
    }

    private static string MapName(TensorElementType key, TensorElementType value) =>
        $"map({TensorDataType.NameOf(key)}, {TensorDataType.NameOf(value)})";
}

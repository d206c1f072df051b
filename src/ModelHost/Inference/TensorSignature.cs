using Microsoft.ML.OnnxRuntime.Tensors;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// One model input or output. <see cref="Shape"/> uses -1 for a variable dimension, whose name (if the model gives
/// one) is in <see cref="DimensionNames"/>.
/// </summary>
public sealed record TensorSignature(string Name, TensorElementType ElementType, int[] Shape, string[] DimensionNames)
{
    public string DataType => TensorDataType.NameOf(ElementType);
    public int Rank => Shape.Length;

    public string ShapeText => "[" + string.Join(", ", Shape.Select((dimension, index) =>
        dimension >= 0 ? dimension.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : DimensionNames[index] is { Length: > 0 } name ? name : "?")) + "]";
}

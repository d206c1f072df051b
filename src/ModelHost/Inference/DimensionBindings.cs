using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// Values given to named variable dimensions across all inputs of one request, so that "batch" is 2 in every input
/// that declares it, and the request learns that before ONNX Runtime does.
/// </summary>
internal sealed class DimensionBindings
{
    private readonly Dictionary<string, (long Size, string Input)> _bound = new(StringComparer.Ordinal);

    public void Check(TensorSignature signature, long[] shape)
    {
        if (shape.Length != signature.Rank)
        {
            throw new InvalidInputException(
                $"Input '{signature.Name}' has rank {shape.Length} (shape [{string.Join(", ", shape)}]); the model expects rank {signature.Rank}, shape {signature.ShapeText}.");
        }

        for (var axis = 0; axis < shape.Length; axis++)
        {
            var expected = signature.Shape[axis];
            if (expected >= 0 && shape[axis] != expected)
            {
                throw new InvalidInputException(
                    $"Input '{signature.Name}' has size {shape[axis]} in dimension {axis}; the model expects shape {signature.ShapeText}.");
            }

            var name = signature.DimensionNames[axis];
            if (expected >= 0 || name.Length == 0)
            {
                continue;
            }

            if (_bound.TryGetValue(name, out var earlier) && earlier.Size != shape[axis])
            {
                throw new InvalidInputException(
                    $"Dimension '{name}' is {shape[axis]} in input '{signature.Name}' but {earlier.Size} in input '{earlier.Input}'; it must be the same in every input.");
            }

            _bound[name] = (shape[axis], signature.Name);
        }
    }
}

using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// What a model takes and returns, read once at load. Outputs the host cannot convert to JSON (sequences, maps,
/// unsupported element types) are left out and listed in <see cref="SkippedOutputs"/> rather than failing the model.
/// </summary>
public sealed class ModelSignature
{
    private ModelSignature(IReadOnlyList<TensorSignature> inputs, IReadOnlyList<TensorSignature> outputs, IReadOnlyList<string> skippedOutputs)
    {
        Inputs = inputs;
        Outputs = outputs;
        SkippedOutputs = skippedOutputs;
        InputsByName = inputs.ToDictionary(input => input.Name, StringComparer.Ordinal);
        OutputNames = outputs.Select(output => output.Name).ToArray();
    }

    public IReadOnlyList<TensorSignature> Inputs { get; }
    public IReadOnlyList<TensorSignature> Outputs { get; }
    public IReadOnlyList<string> SkippedOutputs { get; }
    public IReadOnlyDictionary<string, TensorSignature> InputsByName { get; }
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>Reads the signature; throws <see cref="ModelLoadFailedException"/> when an input cannot be fed from JSON.</summary>
    public static ModelSignature Read(InferenceSession session)
    {
        var inputs = new List<TensorSignature>();
        foreach (var (name, metadata) in session.InputMetadata)
        {
            if (!metadata.IsTensor || !TensorDataType.IsSupported(metadata.ElementDataType))
            {
                throw new ModelLoadFailedException(
                    $"Input '{name}' is a {Describe(metadata)}; supported inputs are tensors of {TensorDataType.SupportedNames}.");
            }

            inputs.Add(ToSignature(name, metadata));
        }

        var outputs = new List<TensorSignature>();
        var skipped = new List<string>();
        foreach (var (name, metadata) in session.OutputMetadata)
        {
            if (metadata.IsTensor && TensorDataType.IsSupported(metadata.ElementDataType))
            {
                outputs.Add(ToSignature(name, metadata));
            }
            else
            {
                skipped.Add($"{name} ({Describe(metadata)})");
            }
        }

        if (outputs.Count == 0)
        {
            throw new ModelLoadFailedException($"None of the model's outputs is a tensor the host can return: {string.Join(", ", skipped)}.");
        }

        return new ModelSignature(inputs, outputs, skipped);
    }

    /// <summary>Tensors as messages name them, e.g. <c>'x' (float32 [batch, 4]), 'y' (int64 [?])</c>.</summary>
    public static string Describe(IEnumerable<TensorSignature> tensors) =>
        string.Join(", ", tensors.Select(tensor => $"'{tensor.Name}' ({tensor.DataType} {tensor.ShapeText})"));

    private static TensorSignature ToSignature(string name, NodeMetadata metadata) =>
        new(name, metadata.ElementDataType, metadata.Dimensions.Select(d => d < 0 ? -1 : d).ToArray(),
            metadata.SymbolicDimensions.Select(d => d ?? "").ToArray());

    private static string Describe(NodeMetadata metadata) =>
        metadata.IsTensor ? $"tensor of {TensorDataType.NameOf(metadata.ElementDataType)}" : metadata.OnnxValueType.ToString();
}

using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// What a model takes and returns, read once at load. Tensor outputs are in <see cref="Outputs"/>, sequences and maps
/// the host writes as JSON (ZipMap's scores) in <see cref="StructuredOutputs"/>; outputs it cannot convert (a sequence
/// of sequences, unsupported element types) are left out and listed in <see cref="SkippedOutputs"/> rather than
/// failing the model.
/// </summary>
public sealed class ModelSignature
{
    private ModelSignature(
        IReadOnlyList<TensorSignature> inputs, IReadOnlyList<TensorSignature> outputs, IReadOnlyList<StructuredSignature> structuredOutputs,
        IReadOnlyList<string> outputNames, IReadOnlyList<string> skippedOutputs)
    {
        Inputs = inputs;
        Outputs = outputs;
        StructuredOutputs = structuredOutputs;
        SkippedOutputs = skippedOutputs;
        InputsByName = inputs.ToDictionary(input => input.Name, StringComparer.Ordinal);
        OutputNames = outputNames;
    }

    public IReadOnlyList<TensorSignature> Inputs { get; }

    /// <summary>The tensor outputs.</summary>
    public IReadOnlyList<TensorSignature> Outputs { get; }

    /// <summary>The sequence and map outputs.</summary>
    public IReadOnlyList<StructuredSignature> StructuredOutputs { get; }

    public IReadOnlyList<string> SkippedOutputs { get; }
    public IReadOnlyDictionary<string, TensorSignature> InputsByName { get; }

    /// <summary>Every output the host returns, tensors and the others, in the model's order.</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The sequence or map output of that name; null when it is a tensor or not an output.</summary>
    public StructuredSignature? StructuredOutput(string name)
    {
        // Asked once per output of every response: a plain loop, no closure or enumerator (the list is nearly always empty).
        for (var index = 0; index < StructuredOutputs.Count; index++)
        {
            if (StructuredOutputs[index].Name == name)
            {
                return StructuredOutputs[index];
            }
        }

        return null;
    }

    /// <summary>Each output in the model's order, made into <typeparamref name="T"/> by the function for its kind.</summary>
    public IEnumerable<T> SelectOutputs<T>(Func<TensorSignature, T> tensor, Func<StructuredSignature, T> structured) =>
        OutputNames.Select(name => StructuredOutput(name) is { } sequenceOrMap ? structured(sequenceOrMap) : tensor(Outputs.First(output => output.Name == name)));

    /// <summary>Every output as messages name them, e.g. <c>'label' (int64 [?]), 'probabilities' (seq(map(int64, float32)))</c>.</summary>
    public string DescribeOutputs() =>
        string.Join(", ", SelectOutputs(tensor => Describe([tensor]), structured => $"'{structured.Name}' ({structured.TypeName})"));

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
        var structured = new List<StructuredSignature>();
        var names = new List<string>();
        var skipped = new List<string>();
        foreach (var (name, metadata) in session.OutputMetadata)
        {
            if (metadata.IsTensor && TensorDataType.IsSupported(metadata.ElementDataType))
            {
                outputs.Add(ToSignature(name, metadata));
                names.Add(name);
            }
            else if (!metadata.IsTensor && StructuredSignature.TryRead(name, metadata) is { } sequenceOrMap)
            {
                structured.Add(sequenceOrMap);
                names.Add(name);
            }
            else
            {
                skipped.Add($"{name} ({Describe(metadata)})");
            }
        }

        if (names.Count == 0)
        {
            throw new ModelLoadFailedException($"None of the model's outputs is one the host can return: {string.Join(", ", skipped)}.");
        }

        return new ModelSignature(inputs, outputs, structured, names, skipped);
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

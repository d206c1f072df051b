using MultiModel.ModelHost.Models;

namespace MultiModel.ModelHost.Inference;

/// <summary>
/// The tensors one run is fed, checked against the model's signature as a request format adds them: every name an
/// input of the model and none given twice, each shape the model's, a named dimension the same size in every input.
/// Owns the tensors it was given.
/// </summary>
internal sealed class ModelInputs(ModelSignature signature) : IDisposable
{
    private readonly List<string> _names = new(signature.Inputs.Count);
    private readonly List<OrtValue> _values = new(signature.Inputs.Count);

    /// <summary>Sizes given to named variable dimensions so far: what the next input's shape must agree with.</summary>
    public DimensionBindings Dimensions { get; } = new();

    /// <summary>The size of the first dimension of the first input that has one: a batch's rows. Null for scalars only.</summary>
    public long? Rows => _values.Select(value => value.GetTensorTypeAndShape().Shape).FirstOrDefault(shape => shape.Length > 0)?[0];

    internal IReadOnlyList<string> Names => _names;
    internal IReadOnlyList<OrtValue> Values => _values;

    /// <summary>The model input a request names; throws <see cref="InvalidInputException"/> when there is none or it came already.</summary>
    public TensorSignature Expect(string name)
    {
        if (!signature.InputsByName.TryGetValue(name, out var expected))
        {
            throw new InvalidInputException($"The model has no input '{name}'; its inputs are {ModelSignature.Describe(signature.Inputs)}.");
        }

        if (_names.Contains(name))
        {
            throw new InvalidInputException($"Input '{name}' is given more than once.");
        }

        return expected;
    }

    /// <summary>Takes the tensor made for an input that <see cref="Expect"/> returned; disposed with this.</summary>
    public void Add(string name, OrtValue value)
    {
        _values.Add(value);
        _names.Add(name);
    }

    /// <summary>Throws <see cref="InvalidInputException"/> naming every input of the model that was not given.</summary>
    public void ThrowIfMissing()
    {
        var missing = signature.Inputs.Where(input => !_names.Contains(input.Name)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidInputException($"Missing input{(missing.Length > 1 ? "s" : "")} {ModelSignature.Describe(missing)}.");
        }
    }

    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }

        _values.Clear();
        _names.Clear();
    }
}

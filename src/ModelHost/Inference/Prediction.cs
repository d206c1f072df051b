namespace MultiModel.ModelHost.Inference;

/// <summary>
/// The outputs of one run, still in ONNX Runtime's memory, where a format writes them from. They come from the
/// session's allocator: dispose them before the model.
/// </summary>
internal sealed class Prediction(
    IReadOnlyList<string> outputNames, IDisposableReadOnlyCollection<OrtValue> outputs, TimeSpan inferenceTime, ModelSignature signature)
    : IDisposable
{
    /// <summary>The name of each of <see cref="Outputs"/>, in the same order.</summary>
    public IReadOnlyList<string> OutputNames { get; } = outputNames;

    public IReadOnlyList<OrtValue> Outputs => outputs;

    public TimeSpan InferenceTime { get; } = inferenceTime;

    /// <summary>The model's signature: what a writer needs to know of an output the value alone does not say (an empty sequence's type).</summary>
    public ModelSignature Signature { get; } = signature;

    /// <summary>The output of that name, which the run must have been asked for.</summary>
    public OrtValue Output(string name)
    {
        for (var index = 0; index < OutputNames.Count; index++)
        {
            if (OutputNames[index] == name)
            {
                return outputs[index];
            }
        }

        throw new InvalidOperationException($"The run was not asked for output '{name}'.");
    }

    public void Dispose() => outputs.Dispose();
}
